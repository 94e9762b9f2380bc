package io.github.wechatpaycomplaint.simulator.keys;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import io.github.wechatpaycomplaint.simulator.crypto.Sha256WithRsa;
import io.github.wechatpaycomplaint.simulator.crypto.SignatureMessage;
import io.github.wechatpaycomplaint.simulator.crypto.WechatPayHeaders;

/**
 * One WeChat Pay signing key and the serial it is known by ({@code PUB_KEY_ID_…} or a
 * platform certificate serial): signs answers and notifications over
 * {@code TIMESTAMP\nNONCE\nBODY\n}.
 *
 * @param serial the {@code Wechatpay-Serial} of the key
 * @param privateKey the private key
 * @since 0.1.0
 */
public record WechatPaySigningKey(String serial, PrivateKey privateKey) {

	/** Value of {@code Wechatpay-Signature-Type} for RSA signatures. */
	public static final String SIGNATURE_TYPE = WechatPayHeaders.RSA_SIGNATURE_TYPE;

	/** Header that carries the signature type of a notification. */
	public static final String SIGNATURE_TYPE_HEADER = WechatPayHeaders.SIGNATURE_TYPE;

	public WechatPaySigningKey {
		Objects.requireNonNull(serial, "serial");
		Objects.requireNonNull(privateKey, "privateKey");
	}

	/**
	 * Signs a body and returns the four {@code Wechatpay-*} signature headers, in WeChat
	 * Pay's order.
	 * @param body the raw body bytes
	 * @param timestamp Unix seconds
	 * @param nonce the nonce
	 * @return {@code Wechatpay-Timestamp}, {@code -Nonce}, {@code -Signature},
	 * {@code -Serial}
	 */
	public Map<String, String> sign(byte[] body, long timestamp, String nonce) {
		return sign(body, Long.toString(timestamp), nonce);
	}

	/**
	 * Signs a body with any {@code Wechatpay-Timestamp} text, e.g. one with a sign or
	 * white space that a receiver must refuse.
	 * @param body the raw body bytes
	 * @param time the {@code Wechatpay-Timestamp} text, signed as it is
	 * @param nonce the nonce
	 * @return {@code Wechatpay-Timestamp}, {@code -Nonce}, {@code -Signature},
	 * {@code -Serial}
	 */
	public Map<String, String> sign(byte[] body, String time, String nonce) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(WechatPayHeaders.TIMESTAMP, time);
		headers.put(WechatPayHeaders.NONCE, nonce);
		headers.put(WechatPayHeaders.SIGNATURE,
				Sha256WithRsa.sign(this.privateKey, SignatureMessage.answer(time, nonce, body)));
		headers.put(WechatPayHeaders.SERIAL, this.serial);
		return headers;
	}

	/**
	 * The headers of a signed answer, as WeChat Pay sends them: the four signature
	 * headers over a fresh nonce, {@code Wechatpay-Signature-Type} and a fresh
	 * {@code Request-ID}. For stand-ins that answer on their own, e.g. with faults.
	 * @param body the raw body bytes
	 * @param timestamp Unix seconds
	 * @return the headers, in WeChat Pay's order
	 */
	public Map<String, String> answerHeaders(byte[] body, long timestamp) {
		Map<String, String> headers = sign(body, timestamp, newNonce());
		headers.put(SIGNATURE_TYPE_HEADER, SIGNATURE_TYPE);
		headers.put(WechatPayHeaders.REQUEST_ID, newRequestId());
		return headers;
	}

	/**
	 * The headers of a signed answer with a UTF-8 text body.
	 * @param body the body text
	 * @param timestamp Unix seconds
	 * @return the headers
	 * @see #answerHeaders(byte[], long)
	 */
	public Map<String, String> answerHeaders(String body, long timestamp) {
		return answerHeaders(body.getBytes(StandardCharsets.UTF_8), timestamp);
	}

	/**
	 * A fresh 32-character {@code Wechatpay-Nonce}.
	 * @return the nonce
	 */
	public static String newNonce() {
		byte[] bytes = new byte[16];
		ThreadLocalRandom.current().nextBytes(bytes);
		return HexFormat.of().withUpperCase().formatHex(bytes);
	}

	/**
	 * A fresh {@code Request-ID} in WeChat Pay's shape, ending with {@code -SIM}.
	 * @return the request id
	 */
	public static String newRequestId() {
		byte[] bytes = new byte[12];
		ThreadLocalRandom.current().nextBytes(bytes);
		return "08" + HexFormat.of().withUpperCase().formatHex(bytes) + "-SIM";
	}

	@Override
	public String toString() {
		return "WechatPaySigningKey[serial=" + this.serial + ", privateKey=******]";
	}

}
