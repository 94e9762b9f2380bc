package io.github.wechatpaycomplaint.testkit;

import io.github.wechatpaycomplaint.simulator.notify.NotificationFault;

/**
 * Deliberate faults a {@link WechatPayNotificationBuilder} can build in, each one
 * something a notification endpoint must refuse, and where it must refuse it.
 *
 * @since 0.1.0
 */
public enum NotificationDefect {

	/** The body is changed after signing. */
	TAMPERED_BODY(Stage.SIGNATURE, "INVALID_SIGNATURE"),

	/** Signed with a key that is not WeChat Pay's, under WeChat Pay's serial. */
	WRONG_SIGNING_KEY(Stage.SIGNATURE, "INVALID_SIGNATURE"),

	/** {@code Wechatpay-Timestamp} ten minutes in the past (a replay). */
	STALE_TIMESTAMP(Stage.SIGNATURE, "TIMESTAMP_OUT_OF_WINDOW"),

	/** {@code Wechatpay-Timestamp} ten minutes in the future. */
	FUTURE_TIMESTAMP(Stage.SIGNATURE, "TIMESTAMP_OUT_OF_WINDOW"),

	/** No {@code Wechatpay-Signature} header. */
	MISSING_SIGNATURE_HEADER(Stage.SIGNATURE, "MISSING_HEADER"),

	/**
	 * WeChat Pay's signature probe: {@code Wechatpay-Signature} starts with
	 * {@code WECHATPAY/SIGNTEST/}.
	 */
	SIGNATURE_PROBE(Stage.SIGNATURE, "SIGNATURE_PROBE"),

	/** {@code Wechatpay-Serial} names no key the application knows. */
	UNKNOWN_SERIAL(Stage.SIGNATURE, "UNKNOWN_SERIAL"),

	/** Correctly signed, but the resource is encrypted with another APIv3 key. */
	WRONG_API_V3_KEY(Stage.DECRYPTION, null),

	/**
	 * Correctly signed and encrypted, but {@code resource.algorithm} says
	 * {@code AEAD_SM4_GCM}.
	 */
	UNSUPPORTED_ALGORITHM(Stage.ALGORITHM, null);

	private final Stage stage;

	private final String signatureFailure;

	NotificationDefect(Stage stage, String signatureFailure) {
		this.stage = stage;
		this.signatureFailure = signatureFailure;
	}

	/**
	 * Where the notification must be refused.
	 * @return the stage
	 */
	public Stage stage() {
		return this.stage;
	}

	/**
	 * The reason signature verification fails with, for defects refused at
	 * {@link Stage#SIGNATURE}: the name of the starter's
	 * {@code SignatureVerificationException.Reason} (the test kit keeps out of the
	 * starter's crypto, which is internal).
	 * @return the reason's name, or {@code null} when the signature is valid
	 */
	public String signatureFailure() {
		return this.signatureFailure;
	}

	// The simulator's builder makes the fault; the constants have the same names.
	NotificationFault fault() {
		return NotificationFault.valueOf(name());
	}

	/**
	 * The checks of a notification endpoint, in order.
	 */
	public enum Stage {

		/**
		 * Signature verification (headers, timestamp window, probe, serial, signature).
		 */
		SIGNATURE,

		/** The algorithm check before decryption. */
		ALGORITHM,

		/** AES-256-GCM decryption with the APIv3 key. */
		DECRYPTION

	}

}
