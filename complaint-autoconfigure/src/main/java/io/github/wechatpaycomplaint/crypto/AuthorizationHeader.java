package io.github.wechatpaycomplaint.crypto;

/**
 * The value of the {@code Authorization} header of a WeChat Pay APIv3 request.
 *
 * @param mchid merchant id
 * @param nonce {@code nonce_str}
 * @param timestamp Unix seconds
 * @param serialNumber merchant API certificate serial number
 * @param signature Base64 signature of the request message
 * @since 0.1.0
 */
public record AuthorizationHeader(String mchid, String nonce, long timestamp, String serialNumber, String signature) {

	/** The schema of RSA-signed requests. */
	public static final String SCHEMA = "WECHATPAY2-SHA256-RSA2048";

	/**
	 * Formats the header in the order of WeChat Pay's Java SDK.
	 * @return the header value
	 */
	public String toHeaderValue() {
		return SCHEMA + " mchid=\"" + this.mchid + "\",nonce_str=\"" + this.nonce + "\",timestamp=\"" + this.timestamp
				+ "\",serial_no=\"" + this.serialNumber + "\",signature=\"" + this.signature + "\"";
	}

}
