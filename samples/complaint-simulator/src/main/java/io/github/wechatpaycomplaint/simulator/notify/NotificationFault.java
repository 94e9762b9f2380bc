package io.github.wechatpaycomplaint.simulator.notify;

/**
 * Deliberate faults a {@link SignedNotificationBuilder} can build into a notification,
 * each one something a merchant's notification endpoint must refuse.
 *
 * @since 0.1.0
 */
public enum NotificationFault {

	/** The body is changed after signing. */
	TAMPERED_BODY,

	/** Signed with a key that is not WeChat Pay's, under WeChat Pay's serial. */
	WRONG_SIGNING_KEY,

	/** {@code Wechatpay-Timestamp} ten minutes in the past (a replay). */
	STALE_TIMESTAMP,

	/** {@code Wechatpay-Timestamp} ten minutes in the future. */
	FUTURE_TIMESTAMP,

	/** No {@code Wechatpay-Signature} header. */
	MISSING_SIGNATURE_HEADER,

	/**
	 * WeChat Pay's signature probe: {@code Wechatpay-Signature} starts with
	 * {@code WECHATPAY/SIGNTEST/}.
	 */
	SIGNATURE_PROBE,

	/** {@code Wechatpay-Serial} names a key no merchant knows. */
	UNKNOWN_SERIAL,

	/** Correctly signed, but the resource is encrypted with another APIv3 key. */
	WRONG_API_V3_KEY,

	/**
	 * Correctly signed and encrypted, but {@code resource.algorithm} says
	 * {@code AEAD_SM4_GCM}.
	 */
	UNSUPPORTED_ALGORITHM

}
