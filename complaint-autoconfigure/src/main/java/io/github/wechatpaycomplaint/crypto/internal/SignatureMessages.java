package io.github.wechatpaycomplaint.crypto.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The texts WeChat Pay APIv3 signs: every line, the last included, ends with {@code \n}.
 *
 * @see <a href="https://pay.weixin.qq.com/doc/v3/merchant/4012365336">Signature rules</a>
 * @since 0.1.0
 */
public final class SignatureMessages {

	private static final byte NEW_LINE = '\n';

	private SignatureMessages() {
	}

	/**
	 * The five-line request message: {@code METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n}.
	 * @param method the HTTP method in upper case
	 * @param canonicalUrl the raw path, plus {@code ?} and the raw query when there is
	 * one, exactly as sent
	 * @param timestamp Unix seconds
	 * @param nonce the random string
	 * @param body the body bytes as sent (the meta JSON for an image upload), empty when
	 * there is none
	 * @return the bytes to sign
	 */
	public static byte[] request(String method, String canonicalUrl, long timestamp, String nonce, byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(128 + body.length);
		line(out, method.getBytes(StandardCharsets.UTF_8));
		line(out, canonicalUrl.getBytes(StandardCharsets.UTF_8));
		line(out, Long.toString(timestamp).getBytes(StandardCharsets.US_ASCII));
		line(out, nonce.getBytes(StandardCharsets.UTF_8));
		line(out, body);
		return out.toByteArray();
	}

	/**
	 * The three-line message of an answer or a notification:
	 * {@code TIMESTAMP\nNONCE\nBODY\n}, built on the raw body bytes so that nothing is
	 * re-encoded.
	 * @param timestamp the {@code Wechatpay-Timestamp} header as received
	 * @param nonce the {@code Wechatpay-Nonce} header
	 * @param body the raw body bytes, empty for a 204
	 * @return the bytes whose signature is checked
	 */
	public static byte[] answer(String timestamp, String nonce, byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 + body.length);
		line(out, timestamp.getBytes(StandardCharsets.UTF_8));
		line(out, nonce.getBytes(StandardCharsets.UTF_8));
		line(out, body);
		return out.toByteArray();
	}

	private static void line(ByteArrayOutputStream out, byte[] content) {
		out.writeBytes(content);
		out.write(NEW_LINE);
	}

}
