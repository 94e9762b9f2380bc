package io.github.wechatpaycomplaint.crypto.internal;

import io.github.wechatpaycomplaint.crypto.SignatureVerificationException;
import io.github.wechatpaycomplaint.crypto.SignedHeaders;
import io.github.wechatpaycomplaint.crypto.VerificationKeyResolver;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import io.github.wechatpaycomplaint.crypto.SignatureVerificationException.Reason;

import org.jspecify.annotations.Nullable;

/**
 * Proves that an answer or a notification comes from WeChat Pay: all four headers
 * present, the timestamp plain digits and within the allowed skew in both directions (so
 * a captured message cannot be replayed later), no signature probe, a known serial, and a
 * valid SHA256withRSA signature over {@code TIMESTAMP\nNONCE\nBODY\n} on the raw bytes.
 * Header values in exception messages are made safe for logs ({@link UntrustedText}).
 *
 * <p>
 * Fails closed: every path that does not end in a valid signature throws.
 *
 * @since 0.1.0
 */
public final class WechatPaySignatureValidator {

	/**
	 * WeChat Pay sends some messages with a deliberately wrong signature that starts with
	 * this prefix.
	 */
	public static final String SIGNATURE_PROBE_PREFIX = "WECHATPAY/SIGNTEST/";

	/** The skew WeChat Pay's own SDKs allow. */
	public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(5);

	// Seconds below 10^11 (the year 5138) have at most 11 digits: parsing and subtracting
	// them cannot overflow.
	private static final int MAX_TIMESTAMP_DIGITS = 11;

	private final VerificationKeyResolver keyResolver;

	private final Clock clock;

	private final Duration maxClockSkew;

	public WechatPaySignatureValidator(VerificationKeyResolver keyResolver, Clock clock, Duration maxClockSkew) {
		this.keyResolver = Objects.requireNonNull(keyResolver, "keyResolver");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.maxClockSkew = Objects.requireNonNull(maxClockSkew, "maxClockSkew");
		if (maxClockSkew.isNegative()) {
			throw new IllegalArgumentException("maxClockSkew must not be negative");
		}
	}

	/**
	 * Validates a signed message.
	 * @param headers the signature headers
	 * @param body the raw body bytes, empty when there is none
	 * @throws SignatureVerificationException when the message is not proven to come from
	 * WeChat Pay
	 */
	public void validate(SignedHeaders headers, byte[] body) {
		String timestamp = required(headers.timestamp(), SignedHeaders.TIMESTAMP);
		String nonce = required(headers.nonce(), SignedHeaders.NONCE);
		String signature = required(headers.signature(), SignedHeaders.SIGNATURE);
		String serial = required(headers.serial(), SignedHeaders.SERIAL);
		if (signature.startsWith(SIGNATURE_PROBE_PREFIX)) {
			throw new SignatureVerificationException(Reason.SIGNATURE_PROBE,
					"WeChat Pay signature probe (" + SIGNATURE_PROBE_PREFIX + ") refused");
		}
		checkTimestamp(timestamp);
		PublicKey key = this.keyResolver.resolve(serial)
			.orElseThrow(() -> new SignatureVerificationException(Reason.UNKNOWN_SERIAL,
					"Wechatpay-Serial '" + UntrustedText.forLog(serial)
							+ "' matches no configured WeChat Pay public key id or platform certificate"));
		if (!RsaVerifier.verifyAnswer(key, timestamp, nonce, body, signature)) {
			throw new SignatureVerificationException(Reason.INVALID_SIGNATURE,
					"Wechatpay-Signature does not match the message signed with serial '" + UntrustedText.forLog(serial)
							+ "'");
		}
	}

	// Only plain digits: no sign, no white space (WeChat Pay signs the header exactly as
	// sent). Values of more than
	// 11 digits are refused before any arithmetic, so that no value can overflow the
	// window check.
	private void checkTimestamp(String timestamp) {
		if (!isDigits(timestamp)) {
			throw new SignatureVerificationException(Reason.MALFORMED_HEADER,
					"Wechatpay-Timestamp is not a number of seconds");
		}
		if (timestamp.length() > MAX_TIMESTAMP_DIGITS) {
			throw new SignatureVerificationException(Reason.TIMESTAMP_OUT_OF_WINDOW,
					"Wechatpay-Timestamp of " + timestamp.length() + " digits is far outside the allowed window");
		}
		long seconds = Long.parseLong(timestamp);
		long now = this.clock.instant().getEpochSecond();
		long skew = Math.abs(now - seconds);
		if (skew > this.maxClockSkew.toSeconds()) {
			throw new SignatureVerificationException(Reason.TIMESTAMP_OUT_OF_WINDOW,
					"Wechatpay-Timestamp " + seconds + " is " + skew + " s " + ((seconds < now) ? "behind" : "ahead of")
							+ " the local clock; at most " + this.maxClockSkew.toSeconds() + " s are allowed");
		}
	}

	private static boolean isDigits(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return !text.isEmpty();
	}

	private static String required(@Nullable String value, String header) {
		if (value == null || value.isBlank()) {
			throw new SignatureVerificationException(Reason.MISSING_HEADER, "Header " + header + " is missing");
		}
		return value;
	}

}
