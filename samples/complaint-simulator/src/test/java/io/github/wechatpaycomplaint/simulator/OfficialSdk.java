package io.github.wechatpaycomplaint.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.sun.net.httpserver.Headers;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.http.HttpHeaders;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RSAPublicKeyNotificationConfig;
import com.wechat.pay.java.core.notification.RequestParam;
import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;

/**
 * The official WeChat Pay Java SDK, set up for the simulator's keys: a client, a
 * notification parser, and what they need from a test.
 */
final class OfficialSdk {

	private OfficialSdk() {
	}

	/**
	 * A client that signs as one merchant and verifies answers with a WeChat Pay key.
	 * @param signer the keys whose merchant id, serial and private key sign
	 * @param wechatPay the keys whose WeChat Pay public key verifies
	 * @return the client
	 */
	static HttpClient client(SimulatorKeys signer, SimulatorKeys wechatPay) {
		RSAPublicKeyConfig config = new RSAPublicKeyConfig.Builder().merchantId(signer.merchantId())
			.merchantSerialNumber(signer.merchantSerial())
			.privateKey(signer.merchantKeys().getPrivate())
			.publicKeyId(wechatPay.publicKeyId())
			.publicKey(wechatPay.wechatpayKeys().getPublic())
			.apiV3Key(wechatPay.apiV3Key())
			.build();
		return new DefaultHttpClientBuilder().config(config).build();
	}

	static NotificationParser parser(SimulatorKeys keys) {
		return new NotificationParser(new RSAPublicKeyNotificationConfig.Builder().publicKeyId(keys.publicKeyId())
			.publicKey(keys.wechatpayKeys().getPublic())
			.apiV3Key(keys.apiV3Key())
			.build());
	}

	static HttpHeaders acceptJson() {
		HttpHeaders headers = new HttpHeaders();
		headers.addHeader("Accept", "application/json");
		return headers;
	}

	/**
	 * A received notification as the SDK's parser takes it.
	 * @param headers the request headers
	 * @param body the request body
	 * @return the request parameters
	 * @throws IOException when the body cannot be read
	 */
	static RequestParam requestParam(Headers headers, InputStream body) throws IOException {
		return new RequestParam.Builder().serialNumber(headers.getFirst("Wechatpay-Serial"))
			.timestamp(headers.getFirst("Wechatpay-Timestamp"))
			.nonce(headers.getFirst("Wechatpay-Nonce"))
			.signature(headers.getFirst("Wechatpay-Signature"))
			.signType(headers.getFirst("Wechatpay-Signature-Type"))
			.body(new String(body.readAllBytes(), StandardCharsets.UTF_8))
			.build();
	}

	/** A date range around today in China, where the simulator files complaints. */
	static String listQuery() {
		LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
		return "begin_date=" + today.minusDays(1) + "&end_date=" + today.plusDays(1);
	}

}
