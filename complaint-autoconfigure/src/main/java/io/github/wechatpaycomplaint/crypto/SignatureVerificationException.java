package io.github.wechatpaycomplaint.crypto;

import java.util.Objects;

import io.github.wechatpaycomplaint.WechatPayException;

/**
 * An answer or a notification that cannot be proven to come from WeChat Pay. Its body
 * must not be used.
 *
 * @since 0.1.0
 */
public class SignatureVerificationException extends WechatPayException {

	private final Reason reason;

	public SignatureVerificationException(Reason reason, String message) {
		super(message);
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	/**
	 * Why verification failed.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * The ways a signed message can fail verification.
	 */
	public enum Reason {

		/** A {@code Wechatpay-*} header is missing or empty. */
		MISSING_HEADER,

		/** {@code Wechatpay-Timestamp} is not a number of seconds in plain digits. */
		MALFORMED_HEADER,

		/**
		 * {@code Wechatpay-Timestamp} lies outside the allowed clock skew, in the past or
		 * the future, or has more than 11 digits.
		 */
		TIMESTAMP_OUT_OF_WINDOW,

		/**
		 * No configured public key or platform certificate has the
		 * {@code Wechatpay-Serial}.
		 */
		UNKNOWN_SERIAL,

		/**
		 * WeChat Pay's signature probe ({@code WECHATPAY/SIGNTEST/}), sent on purpose
		 * with a wrong signature.
		 */
		SIGNATURE_PROBE,

		/** The signature does not match the message. */
		INVALID_SIGNATURE

	}

}
