package io.github.wechatpaycomplaint.simulator.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The messages WeChat Pay signs: every line ends with {@code \n}, the body is taken as
 * raw bytes.
 *
 * @since 0.1.0
 */
public final class SignatureMessage {

	private SignatureMessage() {
	}

	/**
	 * What a merchant signs: {@code METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n}, the URL being
	 * the path and query as sent.
	 * @param method the HTTP method
	 * @param url the path, plus {@code ?} and the query when there is one
	 * @param timestamp Unix seconds
	 * @param nonce the nonce
	 * @param body the body bytes (the {@code meta} part of an image upload), empty for
	 * GET
	 * @return the message bytes
	 */
	public static byte[] request(String method, String url, String timestamp, String nonce, byte[] body) {
		return lines(body, method, url, timestamp, nonce);
	}

	/**
	 * What WeChat Pay signs in an answer or a notification:
	 * {@code TIMESTAMP\nNONCE\nBODY\n}.
	 * @param timestamp the {@code Wechatpay-Timestamp} value
	 * @param nonce the {@code Wechatpay-Nonce} value
	 * @param body the body bytes
	 * @return the message bytes
	 */
	public static byte[] answer(String timestamp, String nonce, byte[] body) {
		return lines(body, timestamp, nonce);
	}

	private static byte[] lines(byte[] body, String... lines) {
		ByteArrayOutputStream message = new ByteArrayOutputStream(body.length + 128);
		for (String line : lines) {
			message.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
		}
		message.writeBytes(body);
		message.write('\n');
		return message.toByteArray();
	}

}
