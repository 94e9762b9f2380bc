package io.github.wechatpaycomplaint.simulator.http;

import java.time.Clock;

import io.github.wechatpaycomplaint.simulator.crypto.MerchantAuthorization;
import io.github.wechatpaycomplaint.simulator.crypto.Sha256WithRsa;
import io.github.wechatpaycomplaint.simulator.crypto.SignatureMessage;
import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;

/**
 * Checks a request the way WeChat Pay does before anything else: {@code Accept} and
 * {@code User-Agent} present (else 400 {@code INVALID_REQUEST}), then the merchant's
 * {@code Authorization}: schema, the five fields in any order, the merchant id and
 * certificate serial, a timestamp within five minutes, and a SHA256withRSA signature over
 * {@code METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n} made with the merchant's key (else 401
 * {@code SIGN_ERROR}).
 *
 * @since 0.1.0
 */
public final class RequestAuthenticator {

	private static final long MAX_SKEW_SECONDS = 300;

	private final SimulatorKeys keys;

	private final Clock clock;

	public RequestAuthenticator(SimulatorKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * Checks a request.
	 * @param request the request
	 * @throws WechatPayError when WeChat Pay would refuse it
	 */
	public void authenticate(ApiRequest request) {
		if (isBlank(request.header("Accept")) || isBlank(request.header("User-Agent"))) {
			throw WechatPayError
				.invalidRequest("Http头缺少Accept或User-Agent (the Accept or User-Agent header is missing)");
		}
		String authorization = request.header("Authorization");
		if (isBlank(authorization)) {
			throw WechatPayError.signError("Http头缺少Authorization (the Authorization header is missing)");
		}
		MerchantAuthorization fields = MerchantAuthorization.parse(authorization)
			.orElseThrow(() -> WechatPayError.signError("错误的签名认证类型，应为" + MerchantAuthorization.SCHEMA
					+ " (the authorization schema must be " + MerchantAuthorization.SCHEMA + ")"));
		for (String name : new String[] { "mchid", "nonce_str", "timestamp", "serial_no", "signature" }) {
			if (isBlank(fields.field(name))) {
				throw WechatPayError
					.signError("Http头Authorization值格式错误，缺少" + name + " (the Authorization header has no " + name + ")");
			}
		}
		if (!this.keys.merchantId().equals(fields.field("mchid"))) {
			throw WechatPayError.signError("商户号与签名不匹配 (mchid " + fields.field("mchid") + " is no simulated merchant)");
		}
		if (!this.keys.merchantSerial().equalsIgnoreCase(fields.field("serial_no"))) {
			throw WechatPayError.signError("商户证书序列号有误 (serial_no does not name the merchant API certificate)");
		}
		String timestamp = fields.field("timestamp");
		checkTimestamp(timestamp);
		byte[] message = SignatureMessage.request(request.method(), request.canonicalUrl(), timestamp,
				fields.field("nonce_str"), request.signedBody());
		if (!Sha256WithRsa.verify(this.keys.merchantKeys().getPublic(), message, fields.field("signature"))) {
			throw WechatPayError.signError("签名错误，请检查后再试 (the signature does not match the request)");
		}
	}

	private void checkTimestamp(String value) {
		long timestamp;
		try {
			timestamp = Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw WechatPayError.signError("Authorization中的timestamp格式错误 (timestamp is not a number of seconds)");
		}
		if (Math.abs(this.clock.instant().getEpochSecond() - timestamp) > MAX_SKEW_SECONDS) {
			throw WechatPayError.signError("请求的时间戳已过期或超前 (timestamp is more than 5 minutes off the clock)");
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
