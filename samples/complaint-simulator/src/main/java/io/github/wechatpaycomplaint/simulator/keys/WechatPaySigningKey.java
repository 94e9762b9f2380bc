package io.github.wechatpaycomplaint.simulator.keys;

import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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
		String time = Long.toString(timestamp);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(WechatPayHeaders.TIMESTAMP, time);
		headers.put(WechatPayHeaders.NONCE, nonce);
		headers.put(WechatPayHeaders.SIGNATURE,
				Sha256WithRsa.sign(this.privateKey, SignatureMessage.answer(time, nonce, body)));
		headers.put(WechatPayHeaders.SERIAL, this.serial);
		return headers;
	}

	@Override
	public String toString() {
		return "WechatPaySigningKey[serial=" + this.serial + ", privateKey=******]";
	}

}
