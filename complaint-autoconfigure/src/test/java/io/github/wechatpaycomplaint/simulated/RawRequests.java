package io.github.wechatpaycomplaint.simulated;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.github.wechatpaycomplaint.crypto.SignedHeaders;
import io.github.wechatpaycomplaint.crypto.internal.WechatPaySignatureValidator;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;

/**
 * Hand-made requests, for what the starter never sends: forged, stale or header-less
 * requests.
 */
final class RawRequests {

	private final WechatPayComplaintSimulator simulator;

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	RawRequests(WechatPayComplaintSimulator simulator) {
		this.simulator = simulator;
	}

	/**
	 * Sends a request signed with the given key, as of the given time.
	 */
	HttpResponse<String> send(String method, String pathAndQuery, String body, PrivateKey key, long timestamp,
			boolean acceptAndUserAgent, String... extraHeaders) {
		String serial = this.simulator.keys().merchantSerial();
		WechatPayMerchant merchant = new WechatPayMerchant(this.simulator.keys().merchantId(), serial, key,
				this.simulator.keys().apiV3Key());
		String authorization = merchant
			.authorize(method, pathAndQuery, timestamp, "NONCE0123456789", body.getBytes(StandardCharsets.UTF_8))
			.toHeaderValue();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.simulator.baseUri() + pathAndQuery))
			.method(method,
					body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json");
		for (int i = 0; i < extraHeaders.length; i += 2) {
			request.header(extraHeaders[i], extraHeaders[i + 1]);
		}
		if (acceptAndUserAgent) {
			request.header("Accept", "application/json").header("User-Agent", "raw-test/1.0");
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> signedByMerchant(String method, String pathAndQuery, String body) {
		return send(method, pathAndQuery, body, this.simulator.keys().merchantKeys().getPrivate(), now(), true);
	}

	HttpResponse<String> admin(String method, String path, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.simulator.baseUri() + path))
			.method(method,
					body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Checks the answer's signature with the WeChat Pay public key, as the starter would.
	 */
	void assertSignedByWechatPay(HttpResponse<String> response) {
		WechatPaySignatureValidator validator = new WechatPaySignatureValidator(
				(serial) -> serial.equals(this.simulator.keys().publicKeyId())
						? Optional.of(this.simulator.keys().wechatpayKeys().getPublic()) : Optional.empty(),
				Clock.systemUTC(), Duration.ofMinutes(5));
		validator.validate(SignedHeaders.from((name) -> response.headers().firstValue(name).orElse(null)),
				response.body().getBytes(StandardCharsets.UTF_8));
	}

	static long now() {
		return System.currentTimeMillis() / 1000;
	}

}
