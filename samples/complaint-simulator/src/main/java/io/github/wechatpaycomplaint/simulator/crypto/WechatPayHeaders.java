package io.github.wechatpaycomplaint.simulator.crypto;

/**
 * WeChat Pay's header names, spelled exactly as WeChat Pay sends them: some clients (the
 * official Java SDK among them) look them up case-sensitively.
 *
 * @since 0.1.0
 */
public final class WechatPayHeaders {

	/** Unix seconds the answer or notification was signed at. */
	public static final String TIMESTAMP = "Wechatpay-Timestamp";

	/** Random string of the signature. */
	public static final String NONCE = "Wechatpay-Nonce";

	/** Base64 SHA256-with-RSA signature. */
	public static final String SIGNATURE = "Wechatpay-Signature";

	/** {@code PUB_KEY_ID_…} or platform certificate serial of the signing key. */
	public static final String SERIAL = "Wechatpay-Serial";

	/** Signature type of a notification. */
	public static final String SIGNATURE_TYPE = "Wechatpay-Signature-Type";

	/** WeChat Pay's id of a request, for support tickets. */
	public static final String REQUEST_ID = "Request-ID";

	/**
	 * Value of {@link #SIGNATURE_TYPE} and schema of the merchant's {@code Authorization}
	 * header.
	 */
	public static final String RSA_SIGNATURE_TYPE = "WECHATPAY2-SHA256-RSA2048";

	private WechatPayHeaders() {
	}

}
