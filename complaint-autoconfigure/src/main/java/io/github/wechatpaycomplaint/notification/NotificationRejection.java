package io.github.wechatpaycomplaint.notification;

/**
 * Every way the endpoint refuses a notification: the HTTP status, the {@code code} and
 * {@code message} of the JSON answer, and the level the refusal is logged at. The message
 * is fixed text, so an answer never echoes input, keys or decrypted data. Levels are
 * chosen so that scanners and WeChat Pay's signature probes do not flood the log, while a
 * misconfiguration (unknown serial, skewed clock, wrong APIv3 key) stands out; INFO and
 * WARN lines are further limited to one per reason and minute, the rest going to DEBUG.
 *
 * @since 0.1.0
 */
public enum NotificationRejection {

	/**
	 * The path {@code <path>/<name>} names no configured merchant. Checked before
	 * anything else of the request.
	 */
	UNKNOWN_MERCHANT(404, "The path names no configured merchant", Level.INFO),

	/** Not a POST. */
	METHOD_NOT_ALLOWED(405, "Only POST is accepted", Level.DEBUG),

	/** The body is not declared as JSON. */
	UNSUPPORTED_MEDIA_TYPE(415, "Only application/json is accepted", Level.DEBUG),

	/** The body is larger than {@code notification.max-body-size}. */
	PAYLOAD_TOO_LARGE(413, "The body is larger than allowed", Level.INFO),

	/** A {@code Wechatpay-*} signature header is missing. */
	MISSING_SIGNATURE_HEADER(401, "A Wechatpay-Timestamp, -Nonce, -Signature or -Serial header is missing", Level.INFO),

	/**
	 * {@code Wechatpay-Timestamp} is not plain digits (a sign, white space or anything
	 * else is refused).
	 */
	MALFORMED_SIGNATURE_HEADER(401, "Wechatpay-Timestamp is not a number of seconds", Level.WARN),

	/**
	 * {@code Wechatpay-Timestamp} lies outside {@code notification.max-clock-skew}, in
	 * either direction; also any value of more than 11 digits.
	 */
	TIMESTAMP_OUT_OF_WINDOW(401, "Wechatpay-Timestamp is outside the allowed window", Level.WARN),

	/**
	 * No configured key has the {@code Wechatpay-Serial}. Answered at once; in
	 * certificate mode a well-formed serial starts a certificate download in the
	 * background, so that WeChat Pay's retry can be verified.
	 */
	UNKNOWN_SERIAL(401, "Wechatpay-Serial names no known WeChat Pay key", Level.WARN),

	/**
	 * A notification on the path of one merchant ({@code <path>/<name>}) is signed with
	 * the key of another configured merchant: the notification URL registered for that
	 * other merchant points at the wrong path. Refused without decrypting, no event.
	 */
	SERIAL_OF_ANOTHER_MERCHANT(403, "Wechatpay-Serial names the key of another merchant than the path", Level.WARN),

	/**
	 * WeChat Pay's signature probe ({@code WECHATPAY/SIGNTEST/}); answered like any bad
	 * signature, logged lower because WeChat Pay sends it on purpose.
	 */
	SIGNATURE_PROBE(401, "INVALID_SIGNATURE", "Wechatpay-Signature is not valid", Level.INFO),

	/** The signature does not match the body. */
	INVALID_SIGNATURE(401, "Wechatpay-Signature is not valid", Level.WARN),

	/** The verified body is not a complaint notification. */
	MALFORMED_NOTIFICATION(400, "The body is not a well-formed complaint notification", Level.WARN),

	/** The resource is encrypted with another algorithm than {@code AEAD_AES_256_GCM}. */
	UNSUPPORTED_ALGORITHM(400, "Only AEAD_AES_256_GCM resources are accepted", Level.WARN),

	/** The resource does not decrypt with the configured APIv3 key. */
	DECRYPTION_FAILED(500, "The resource cannot be decrypted", Level.ERROR),

	/**
	 * Another delivery of the same notification is being handled; WeChat Pay will deliver
	 * it again.
	 */
	NOTIFICATION_IN_PROGRESS(503, "The notification is being handled", Level.INFO),

	/**
	 * The de-duplication store failed or did not answer within its operation timeout, so
	 * the notification was not handled; WeChat Pay will deliver it again. Limited like
	 * any WARN refusal, since an outage fails every delivery.
	 */
	STORE_UNAVAILABLE(500, "The notification cannot be handled now", Level.WARN),

	/**
	 * WebFlux only: every thread the endpoint has for verification and listeners is busy
	 * and its queue is full, so the notification was not read further; WeChat Pay will
	 * deliver it again. Limited like any WARN refusal, since a backlog refuses many.
	 */
	ENDPOINT_BUSY(503, "The notification cannot be handled now", Level.WARN),

	/**
	 * A listener threw; the claim was released so that WeChat Pay's next delivery is
	 * handled.
	 */
	LISTENER_FAILED(500, "Handling the notification failed", Level.ERROR),

	/** Anything else: an unexpected failure of the starter. */
	INTERNAL_ERROR(500, "Handling the notification failed", Level.ERROR);

	private final int status;

	private final String code;

	private final String message;

	private final Level level;

	NotificationRejection(int status, String message, Level level) {
		this.status = status;
		this.code = name();
		this.message = message;
		this.level = level;
	}

	NotificationRejection(int status, String code, String message, Level level) {
		this.status = status;
		this.code = code;
		this.message = message;
		this.level = level;
	}

	/**
	 * The HTTP status of the answer.
	 * @return the status code
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * The {@code code} of the JSON answer.
	 * @return the code
	 */
	public String getCode() {
		return this.code;
	}

	/**
	 * The {@code message} of the JSON answer: fixed text.
	 * @return the message
	 */
	public String getMessage() {
		return this.message;
	}

	/**
	 * The level the refusal is logged at.
	 * @return the level
	 */
	public Level getLevel() {
		return this.level;
	}

	/**
	 * Log levels of refusals.
	 */
	public enum Level {

		/** Noise such as scanners. */
		DEBUG,

		/** Expected now and then, such as signature probes. */
		INFO,

		/** Points at a misconfiguration or an attack. */
		WARN,

		/** Lost work until fixed. */
		ERROR

	}

}
