package io.github.wechatpaycomplaint.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.http.HttpResponse;
import com.wechat.pay.java.core.http.JsonRequestBody;
import com.wechat.pay.java.core.notification.RequestParam;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import io.github.wechatpaycomplaint.simulator.state.Complaint;
import io.github.wechatpaycomplaint.simulator.state.ImageStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One simulator, two merchants, driven by the official WeChat Pay Java SDK with each
 * merchant's own configuration: a mainland {@code main} and a Hong Kong {@code hk}. Each
 * merchant's requests are checked with its own merchant key and answered with its own
 * WeChat Pay key; each sees its own complaints, registers its own notification URL and
 * receives notifications signed and encrypted with its own keys. A request signed with
 * another merchant's key, one of a merchant the simulator does not know, and one on the
 * other region's paths are refused.
 */
class ManyMerchantsSimulatorTests {

	private static final SimulatorKeys MAIN = SimulatorKeys.generate("1900000001");

	private static final SimulatorKeys HK = SimulatorKeys.generate("1900000002");

	private static WechatPayComplaintSimulator simulator;

	private static HttpServer callbacks;

	private static final Map<String, BlockingQueue<RequestParam>> received = Map.of("main", new LinkedBlockingQueue<>(),
			"hk", new LinkedBlockingQueue<>());

	@BeforeAll
	static void start() throws IOException {
		callbacks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		received.forEach((name, queue) -> callbacks.createContext("/notify/" + name, (exchange) -> {
			try (exchange; InputStream in = exchange.getRequestBody()) {
				queue.add(OfficialSdk.requestParam(exchange.getRequestHeaders(), in));
				exchange.sendResponseHeaders(204, -1);
			}
		}));
		callbacks.start();
		simulator = WechatPayComplaintSimulator.start(SimulatorSettings.defaults()
			.duplicateProbability(0)
			.initialComplaints(1)
			.merchant("main", (merchant) -> merchant.keys(MAIN).region(MerchantRegion.MAINLAND).initialComplaints(2))
			.merchant("hk", (merchant) -> merchant.keys(HK).region(MerchantRegion.HONG_KONG)));
	}

	@AfterAll
	static void stop() {
		simulator.close();
		callbacks.stop(0);
	}

	@Test
	void eachMerchantListsItsOwnComplaintsAnsweredWithItsOwnWechatPayKey() {
		HttpResponse<JsonObject> main = OfficialSdk.client(MAIN, MAIN)
			.get(OfficialSdk.acceptJson(), simulator.baseUri() + "/v3/merchant-service/complaints-v2?limit=10&offset=0&"
					+ OfficialSdk.listQuery(), JsonObject.class);
		HttpResponse<JsonObject> hk = OfficialSdk.client(HK, HK)
			.get(OfficialSdk.acceptJson(), simulator.baseUri()
					+ "/v3/global/merchant-service/complaints?limit=10&offset=0&" + OfficialSdk.listQuery(),
					JsonObject.class);

		assertThat(main.getServiceResponse().get("total_count").getAsInt())
			.isEqualTo(simulator.merchant("main").complaints().size())
			.isGreaterThanOrEqualTo(2);
		assertThat(main.getHeaders().getHeader("Wechatpay-Serial")).isEqualTo(MAIN.publicKeyId());
		assertThat(hk.getServiceResponse().get("total_count").getAsInt())
			.isEqualTo(simulator.merchant("hk").complaints().size());
		assertThat(hk.getHeaders().getHeader("Wechatpay-Serial")).isEqualTo(HK.publicKeyId());
		assertThat(hk.getServiceResponse().getAsJsonArray("data").asList())
			.extracting((item) -> item.getAsJsonObject().get("complaint_id").getAsString())
			.contains(simulator.merchant("hk").complaints().get(0).getId());
	}

	@Test
	void aMerchantDoesNotSeeAnotherMerchantsComplaint() {
		String hkComplaint = simulator.merchant("hk").complaints().get(0).getId();
		assertThat(simulator.merchant("main").complaint(hkComplaint)).isEmpty();
		assertThat(simulator.complaint(hkComplaint)).as("the first merchant's").isEmpty();
		assertThatExceptionOfType(ServiceException.class)
			.isThrownBy(() -> OfficialSdk.client(MAIN, MAIN)
				.get(OfficialSdk.acceptJson(),
						simulator.baseUri() + "/v3/merchant-service/complaints-v2/" + hkComplaint, JsonObject.class))
			.satisfies((ex) -> assertThat(ex.getHttpStatusCode()).isEqualTo(404));
	}

	@Test
	void aRequestNamingAMerchantButSignedWithAnotherMerchantsKeyIsRefused() {
		SimulatorKeys hkSignedWithMainsKey = new SimulatorKeys(HK.merchantId(), HK.merchantSerial(),
				MAIN.merchantKeys(), HK.publicKeyId(), HK.wechatpayKeys(), HK.platformCertificate(), HK.platformKeys(),
				HK.apiV3Key(), HK.platformCaCertificate());
		assertSignError(OfficialSdk.client(hkSignedWithMainsKey, HK), "/v3/global/merchant-service/complaints/x");
		SimulatorKeys mainsSerial = new SimulatorKeys(HK.merchantId(), MAIN.merchantSerial(), MAIN.merchantKeys(),
				HK.publicKeyId(), HK.wechatpayKeys(), HK.platformCertificate(), HK.platformKeys(), HK.apiV3Key(),
				HK.platformCaCertificate());
		assertSignError(OfficialSdk.client(mainsSerial, HK), "/v3/global/merchant-service/complaints/x");
	}

	@Test
	void aRequestOfAMerchantTheSimulatorDoesNotServeIsRefused() {
		KeyPair strangersKey = RsaKeyPairs.generate();
		SimulatorKeys stranger = new SimulatorKeys("1900000999", MAIN.merchantSerial(), strangersKey,
				MAIN.publicKeyId(), MAIN.wechatpayKeys(), MAIN.platformCertificate(), MAIN.platformKeys(),
				MAIN.apiV3Key(), MAIN.platformCaCertificate());
		assertSignError(OfficialSdk.client(stranger, MAIN), "/v3/merchant-service/complaints-v2/x");
	}

	@Test
	void eachMerchantCallsOnlyItsRegionsPaths() {
		assertThatExceptionOfType(ServiceException.class)
			.isThrownBy(() -> OfficialSdk.client(HK, HK)
				.get(OfficialSdk.acceptJson(),
						simulator.baseUri() + "/v3/merchant-service/complaints-v2?" + OfficialSdk.listQuery(),
						JsonObject.class))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatusCode()).isEqualTo(403);
				assertThat(ex.getErrorCode()).isEqualTo("NO_AUTH");
			});
		assertThatExceptionOfType(ServiceException.class)
			.isThrownBy(
					() -> OfficialSdk.client(MAIN, MAIN)
						.get(OfficialSdk.acceptJson(),
								simulator.baseUri() + "/v3/global/merchant-service/complaints?"
										+ OfficialSdk.listQuery(),
								JsonObject.class))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("NO_AUTH"));
	}

	@Test
	void eachMerchantRegistersItsOwnNotificationUrl() {
		OfficialSdk.client(MAIN, MAIN)
			.post(OfficialSdk.acceptJson(), simulator.baseUri() + "/v3/merchant-service/complaint-notifications",
					json("{\"url\":\"https://main.example.com/notify\"}"), JsonObject.class);
		HttpResponse<JsonObject> hk = OfficialSdk.client(HK, HK)
			.post(OfficialSdk.acceptJson(), simulator.baseUri() + "/v3/global/merchant-service/complaint-notifications",
					json("{\"url\":\"https://hk.example.com/notify\"}"), JsonObject.class);

		assertThat(hk.getServiceResponse().get("mchid").getAsString()).isEqualTo(HK.merchantId());
		assertThat(simulator.merchant("main").registeredNotificationUrl()).contains("https://main.example.com/notify");
		assertThat(simulator.merchant("hk").registeredNotificationUrl()).contains("https://hk.example.com/notify");
	}

	@Test
	void eachMerchantsNotificationsAreSignedAndEncryptedWithItsOwnKeys() throws Exception {
		for (SimulatedMerchant merchant : simulator.merchants()) {
			merchant.callbackUrl(URI.create(callbackBase() + "/notify/" + merchant.name()));
		}
		try {
			String mainComplaint = simulator.merchant("main").fileComplaint();
			String hkComplaint = simulator.merchant("hk").fileComplaint();
			RequestParam toMain = received.get("main").poll(10, TimeUnit.SECONDS);
			RequestParam toHk = received.get("hk").poll(10, TimeUnit.SECONDS);
			assertThat(toMain).as("main's notification within 10 s").isNotNull();
			assertThat(toHk).as("hk's notification within 10 s").isNotNull();

			assertThat(OfficialSdk.parser(MAIN).parse(toMain, JsonObject.class).get("complaint_id").getAsString())
				.isEqualTo(mainComplaint);
			assertThat(OfficialSdk.parser(HK).parse(toHk, JsonObject.class).get("complaint_id").getAsString())
				.isEqualTo(hkComplaint);
			assertThatExceptionOfType(ValidationException.class).as("hk's notification, checked with main's keys")
				.isThrownBy(() -> OfficialSdk.parser(MAIN).parse(toHk, JsonObject.class));
			assertThat(simulator.deliveries()).as("the first merchant's")
				.allSatisfy((delivery) -> assertThat(delivery.getComplaintId()).isNotEqualTo(hkComplaint));
		}
		finally {
			simulator.merchants().forEach((merchant) -> merchant.callbackUrl(null));
		}
	}

	@Test
	void complaintAndUploadIdsAreUniqueAcrossMerchants() {
		assertThat(simulator.merchants().stream().flatMap((merchant) -> merchant.complaints().stream()))
			.extracting(Complaint::getId)
			.doesNotHaveDuplicates();
		byte[] png = { (byte) 0x89, 'P', 'N', 'G' };
		assertThat(new ImageStore(MAIN.merchantId()).store("image/png", png, null).mediaId())
			.isNotEqualTo(new ImageStore(HK.merchantId()).store("image/png", png, null).mediaId());
	}

	private static void assertSignError(HttpClient client, String path) {
		assertThatExceptionOfType(ServiceException.class)
			.isThrownBy(() -> client.get(OfficialSdk.acceptJson(), simulator.baseUri() + path, JsonObject.class))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatusCode()).isEqualTo(401);
				assertThat(ex.getErrorCode()).isEqualTo("SIGN_ERROR");
			});
	}

	private static JsonRequestBody json(String body) {
		return new JsonRequestBody.Builder().body(body).build();
	}

	private static String callbackBase() {
		return "http://127.0.0.1:" + callbacks.getAddress().getPort();
	}

}
