package io.github.wechatpaycomplaint.simulator.http;

import java.time.Clock;
import java.util.Map;

import io.github.wechatpaycomplaint.simulator.crypto.WechatPayHeaders;
import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import io.github.wechatpaycomplaint.simulator.keys.WechatPaySigningKey;

/**
 * Picks the key that signs an answer, as WeChat Pay does during its public-key migration:
 * the key the request's {@code Wechatpay-Serial} names (public key id or platform
 * certificate serial), the platform certificate for the certificate download, otherwise
 * the simulator's default mode. An unknown {@code Wechatpay-Serial} is refused with 400
 * {@code INVALID_REQUEST}.
 *
 * @since 0.1.0
 */
public final class AnswerSigner {

	private final SimulatorKeys keys;

	private final boolean certificateMode;

	private final Clock clock;

	public AnswerSigner(SimulatorKeys keys, boolean certificateMode, Clock clock) {
		this.keys = keys;
		this.certificateMode = certificateMode;
		this.clock = clock;
	}

	/**
	 * Checks the request's {@code Wechatpay-Serial}, if any.
	 * @param request the request
	 * @throws WechatPayError when the serial names no key of this WeChat Pay
	 */
	public void checkRequestSerial(ApiRequest request) {
		String serial = request.header(WechatPayHeaders.SERIAL);
		if (serial != null && !serial.equals(this.keys.publicKeyId())
				&& !serial.equalsIgnoreCase(this.keys.platformCertificateSerial())) {
			throw WechatPayError.invalidRequest("Wechatpay-Serial对应的公钥或平台证书不存在 (Wechatpay-Serial " + serial
					+ " names no WeChat Pay public key or platform certificate)");
		}
	}

	/**
	 * Signs an answer body.
	 * @param request the request it answers (or {@code null} for a notification)
	 * @param body the body bytes
	 * @return the signature headers
	 */
	public Map<String, String> sign(ApiRequest request, byte[] body) {
		return key(request).sign(body, this.clock.instant().getEpochSecond(), nonce());
	}

	/**
	 * The key for a request.
	 * @param request the request, or {@code null}
	 * @return the signing key
	 */
	public WechatPaySigningKey key(ApiRequest request) {
		String serial = (request != null) ? request.header(WechatPayHeaders.SERIAL) : null;
		if (serial != null) {
			return serial.equals(this.keys.publicKeyId()) ? this.keys.publicKeySigner()
					: this.keys.platformCertificateSigner();
		}
		boolean certificateDownload = request != null && request.rawPath().endsWith("/certificates");
		return (this.certificateMode || certificateDownload) ? this.keys.platformCertificateSigner()
				: this.keys.publicKeySigner();
	}

	/**
	 * A fresh 32-character nonce.
	 * @return the nonce
	 */
	public static String nonce() {
		return WechatPaySigningKey.newNonce();
	}

}
