package io.github.wechatpaycomplaint.simulated;

import java.net.http.HttpResponse;

import io.github.wechatpaycomplaint.client.WechatPayApiException;
import io.github.wechatpaycomplaint.crypto.SignatureVerificationException;
import io.github.wechatpaycomplaint.simulator.SimulatorSettings;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The simulator checks the merchant's signature like WeChat Pay, and the starter's
 * verifying client accepts the simulator's signed answers, errors included.
 */
class SimulatorSignatureTests {

	private static final String LIST = "/v3/merchant-service/complaints-v2?limit=10&offset=0&";

	private static WechatPayComplaintSimulator simulator;

	private static RawRequests raw;

	@BeforeAll
	static void start() {
		simulator = WechatPayComplaintSimulator
			.start(SimulatorSettings.defaults().keys(StarterClient.KEYS).initialComplaints(2));
		raw = new RawRequests(simulator);
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void theStartersSignedRequestIsAnsweredAndItsAnswerVerified() {
		StarterClient.with(simulator, (client) -> {
			String body = list(client);
			assertThat(body).contains("\"total_count\":2", simulator.complaints().get(0).getId());
		});
	}

	@Test
	void aRequestSignedWithAnotherKeyGetsSignError() {
		HttpResponse<String> response = raw.send("GET", LIST + StarterClient.listQuery(), "",
				SimulatorKeys.generate("1900000001").merchantKeys().getPrivate(), RawRequests.now(), true);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"code\":\"SIGN_ERROR\"");
		raw.assertSignedByWechatPay(response);
	}

	@Test
	void aStaleTimestampGetsSignError() {
		HttpResponse<String> response = raw.send("GET", LIST + StarterClient.listQuery(), "",
				simulator.keys().merchantKeys().getPrivate(), RawRequests.now() - 400, true);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("SIGN_ERROR", "5 minutes");
	}

	@Test
	void aSignatureOverAnotherQueryGetsSignError() {
		HttpResponse<String> signed = raw.signedByMerchant("GET", LIST + StarterClient.listQuery(), "");
		assertThat(signed.statusCode()).isEqualTo(200);
		String authorization = signed.request().headers().firstValue("Authorization").orElseThrow();
		java.net.http.HttpRequest replay = java.net.http.HttpRequest
			.newBuilder(java.net.URI
				.create(simulator.baseUri() + LIST.replace("limit=10", "limit=11") + StarterClient.listQuery()))
			.header("Authorization", authorization)
			.header("Accept", "application/json")
			.header("User-Agent", "replay")
			.build();
		try {
			HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
				.send(replay, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.body()).contains("SIGN_ERROR");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aRequestWithoutAcceptAndUserAgentIsInvalid() {
		HttpResponse<String> response = raw.send("GET", LIST + StarterClient.listQuery(), "",
				simulator.keys().merchantKeys().getPrivate(), RawRequests.now(), false);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"code\":\"INVALID_REQUEST\"", "User-Agent");
	}

	@Test
	void anotherMerchantsSignatureIsRefusedAndTheStarterSeesAVerifiedSignError() {
		SimulatorKeys other = SimulatorKeys.generate("1900000001");
		WechatPayComplaintSimulator impostor = WechatPayComplaintSimulator
			.start(SimulatorSettings.defaults().keys(withMerchantKeysOf(other)));
		try {
			// The application holds the impostor's merchant key but talks to our
			// simulator.
			StarterClient.runner(simulator)
				.withPropertyValues("wechatpay.complaint.merchant.private-key=" + other.merchantPrivateKeyPem())
				.run((context) -> assertThatExceptionOfType(WechatPayApiException.class)
					.isThrownBy(() -> list(StarterClient.client(context)))
					.satisfies((ex) -> {
						assertThat(ex.getStatusCode()).isEqualTo(401);
						assertThat(ex.getCode()).isEqualTo("SIGN_ERROR");
						assertThat(ex.isVerified()).isTrue();
						assertThat(ex.getRequestId()).endsWith("-SIM");
					}));
		}
		finally {
			impostor.close();
		}
	}

	@Test
	void theStarterRefusesAnswersSignedByAnotherWechatPay() {
		SimulatorKeys other = SimulatorKeys.generate("1900000001");
		StarterClient.runner(simulator)
			.withPropertyValues("wechatpay.complaint.wechatpay-public-key.key=" + other.wechatpayPublicKeyPem())
			.run((context) -> assertThatExceptionOfType(SignatureVerificationException.class)
				.isThrownBy(() -> list(StarterClient.client(context))));
	}

	@Test
	void anUnknownWechatpaySerialIsAnInvalidRequest() {
		HttpResponse<String> response = raw.send("GET", LIST + StarterClient.listQuery(), "",
				simulator.keys().merchantKeys().getPrivate(), RawRequests.now(), true, "Wechatpay-Serial",
				"PUB_KEY_ID_0100000000000000000000000000000000");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"code\":\"INVALID_REQUEST\"", "Wechatpay-Serial");
	}

	private static String list(RestClient client) {
		return client.get().uri(LIST + StarterClient.listQuery()).retrieve().body(String.class);
	}

	private static SimulatorKeys withMerchantKeysOf(SimulatorKeys other) {
		SimulatorKeys ours = StarterClient.KEYS;
		return new SimulatorKeys(ours.merchantId(), ours.merchantSerial(), other.merchantKeys(), ours.publicKeyId(),
				ours.wechatpayKeys(), ours.platformCertificate(), ours.platformKeys(), ours.apiV3Key(),
				ours.platformCaCertificate());
	}

}
