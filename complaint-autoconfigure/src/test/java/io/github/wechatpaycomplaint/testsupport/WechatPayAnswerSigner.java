package io.github.wechatpaycomplaint.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.github.wechatpaycomplaint.crypto.internal.RsaSigner;
import io.github.wechatpaycomplaint.crypto.internal.SignatureMessages;

/**
 * Plays WeChat Pay in tests: signs answers and notifications with a key made in the test.
 */
public final class WechatPayAnswerSigner {

	private final RsaSigner signer;

	private final String serial;

	public WechatPayAnswerSigner(PrivateKey privateKey, String serial) {
		this.signer = new RsaSigner(privateKey);
		this.serial = serial;
	}

	public Map<String, String> headers(String body, long timestamp) {
		return headers(body.getBytes(StandardCharsets.UTF_8), timestamp);
	}

	public Map<String, String> headers(byte[] body, long timestamp) {
		return headers(body, Long.toString(timestamp));
	}

	/**
	 * Signs with any {@code Wechatpay-Timestamp} text, e.g. one with a sign or white
	 * space.
	 */
	public Map<String, String> headers(byte[] body, String ts) {
		String nonce = UUID.randomUUID().toString().replace("-", "");
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Wechatpay-Timestamp", ts);
		headers.put("Wechatpay-Nonce", nonce);
		headers.put("Wechatpay-Signature", this.signer.sign(SignatureMessages.answer(ts, nonce, body)));
		headers.put("Wechatpay-Serial", this.serial);
		headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
		headers.put("Request-ID", "08F0A1B2C3D4E5F6-" + nonce.substring(0, 8));
		return headers;
	}

	public String serial() {
		return this.serial;
	}

}
