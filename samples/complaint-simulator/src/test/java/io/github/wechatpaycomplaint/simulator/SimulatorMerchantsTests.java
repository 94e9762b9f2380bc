package io.github.wechatpaycomplaint.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * How a simulator's merchants are declared and settled: names, merchant ids, keys,
 * inherited settings, their application properties, the admin API of each, and the
 * command line.
 */
class SimulatorMerchantsTests {

	// Generated once per merchant id for the whole class: key generation takes a moment.
	private static final Map<String, SimulatorKeys> KEYS = new ConcurrentHashMap<>();

	private static final Function<String, SimulatorKeys> KEY_FACTORY = (id) -> KEYS.computeIfAbsent(id,
			SimulatorKeys::generate);

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aSimulatorDeclaringNoMerchantServesOneNamedDefaultWithTheSingleMerchantProperties() {
		try (WechatPayComplaintSimulator simulator = WechatPayComplaintSimulator
			.start(SimulatorSettings.defaults().keyFactory(KEY_FACTORY))) {
			assertThat(simulator.merchants()).singleElement().satisfies((merchant) -> {
				assertThat(merchant.name()).isEqualTo("default");
				assertThat(merchant.merchantId()).isEqualTo(SimulatorKeys.DEFAULT_MERCHANT_ID);
				assertThat(merchant.region()).isEmpty();
				assertThat(merchant.adminUri()).isEqualTo(simulator.baseUri() + "/simulator");
			});
			assertThat(simulator.applicationProperties()).containsEntry("wechatpay.complaint.merchant.id", "1900000001")
				.doesNotContainKey("wechatpay.complaint.merchants.default.merchant.id");
		}
	}

	@Test
	void declaredMerchantsHaveTheirOwnIdsKeysAndPropertiesEntries() {
		try (WechatPayComplaintSimulator simulator = WechatPayComplaintSimulator.start(SimulatorSettings.defaults()
			.keyFactory(KEY_FACTORY)
			.merchantId("1900000005")
			.merchant("main", (merchant) -> merchant)
			.merchant("hk", (merchant) -> merchant.region(MerchantRegion.HONG_KONG).certificateMode(true))
			.merchant("sg", (merchant) -> merchant.merchantId("1900000002")))) {
			assertThat(simulator.merchants()).extracting(SimulatedMerchant::name, SimulatedMerchant::merchantId)
				.containsExactly(tuple("main", "1900000005"), tuple("hk", "1900000003"), tuple("sg", "1900000002"));
			assertThat(simulator.keys()).isSameAs(simulator.merchant("main").keys());
			Map<String, String> properties = simulator.applicationProperties();
			assertThat(properties).doesNotContainKey("wechatpay.complaint.merchant.id")
				.containsEntry("wechatpay.complaint.merchants.main.merchant.id", "1900000005")
				.containsEntry("wechatpay.complaint.merchants.main.wechatpay-public-key.id",
						simulator.merchant("main").keys().publicKeyId())
				.containsEntry("wechatpay.complaint.merchants.hk.merchant.id", "1900000003")
				.containsEntry("wechatpay.complaint.merchants.hk.client.endpoint", "HONG_KONG")
				.containsEntry("wechatpay.complaint.merchants.hk.platform-certificates.enabled", "true")
				.containsEntry("wechatpay.complaint.merchants.hk.platform-certificates.trust-anchor",
						simulator.merchant("hk").keys().platformCaCertificatePem())
				.containsEntry("wechatpay.complaint.merchants.sg.client.base-uri", simulator.baseUri())
				.containsEntry("wechatpay.complaint.merchants.sg.client.allow-insecure-http", "true")
				.doesNotContainKeys("wechatpay.complaint.merchants.main.client.endpoint",
						"wechatpay.complaint.merchants.hk.wechatpay-public-key.id");
			assertThat(properties).isEqualTo(merged(simulator));
		}
	}

	@Test
	void aMerchantTakesTheSimulatorsSettingsItDoesNotSetItself() {
		URI shared = URI.create("http://127.0.0.1:1/shared");
		try (WechatPayComplaintSimulator simulator = WechatPayComplaintSimulator.start(SimulatorSettings.defaults()
			.keyFactory(KEY_FACTORY)
			.certificateMode(true)
			.initialComplaints(1)
			.callbackUrl(shared)
			.duplicateProbability(0)
			.maxAttempts(1)
			.merchant("main", (merchant) -> merchant)
			.merchant("hk",
					(merchant) -> merchant.certificateMode(false)
						.initialComplaints(2)
						.callbackUrl(URI.create("http://127.0.0.1:1/hk"))))) {
			SimulatedMerchant main = simulator.merchant("main");
			SimulatedMerchant hk = simulator.merchant("hk");
			assertThat(main.certificateMode()).isTrue();
			assertThat(hk.certificateMode()).isFalse();
			assertThat(main.complaints()).hasSize(1);
			assertThat(hk.complaints()).hasSize(2);
			assertThat(main.notificationTarget()).contains(shared);
			assertThat(hk.notificationTarget()).contains(URI.create("http://127.0.0.1:1/hk"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "HK", "hong kong", "hk_1", "a23456789012345678901234567890123" })
	void aMerchantNameMustBeAnEntryName(String name) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulatorSettings.defaults().merchant(name, (merchant) -> merchant))
			.withMessageContaining("'" + name + "' is not valid");
	}

	@Test
	void aMerchantIsDeclaredOnce() {
		SimulatorSettings settings = SimulatorSettings.defaults().merchant("hk", (merchant) -> merchant);
		assertThatIllegalArgumentException().isThrownBy(() -> settings.merchant("hk", (merchant) -> merchant))
			.withMessageContaining("'hk' is declared twice");
	}

	@Test
	void twoMerchantsWithOneMerchantIdOrOneSetOfKeysAreRefused() {
		SimulatorKeys keys = KEY_FACTORY.apply("1900000001");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WechatPayComplaintSimulator.start(SimulatorSettings.defaults()
				.merchant("a", (merchant) -> merchant.keys(keys))
				.merchant("b", (merchant) -> merchant.keys(keys))))
			.withMessageContaining("Merchants 'a' and 'b' have the same merchant id 1900000001");
		SimulatorKeys sameWechatPayKey = new SimulatorKeys("1900000009", keys.merchantSerial(), keys.merchantKeys(),
				keys.publicKeyId(), keys.wechatpayKeys(), keys.platformCertificate(), keys.platformKeys(),
				keys.apiV3Key(), keys.platformCaCertificate());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WechatPayComplaintSimulator.start(SimulatorSettings.defaults()
				.merchant("a", (merchant) -> merchant.keys(keys))
				.merchant("b", (merchant) -> merchant.keys(sameWechatPayKey))))
			.withMessageContaining("the same WeChat Pay public key id " + keys.publicKeyId());
	}

	@Test
	void eachMerchantHasItsOwnAdminApiAndTheFirstOneTheShortPaths() throws Exception {
		try (WechatPayComplaintSimulator simulator = WechatPayComplaintSimulator.start(SimulatorSettings.defaults()
			.keyFactory(KEY_FACTORY)
			.merchant("main", (merchant) -> merchant)
			.merchant("hk", (merchant) -> merchant.region(MerchantRegion.HONG_KONG)))) {
			SimulatedMerchant hk = simulator.merchant("hk");
			assertThat(hk.adminUri()).isEqualTo(simulator.baseUri() + "/simulator/merchants/hk");

			HttpResponse<String> filed = send("POST", hk.adminUri() + "/complaints", "{\"amount\":990}");
			assertThat(filed.statusCode()).isEqualTo(201);
			assertThat(hk.complaints()).singleElement()
				.satisfies((complaint) -> assertThat(filed.body()).contains(complaint.getId()));
			assertThat(simulator.complaints()).as("the first merchant's").isEmpty();
			send("POST", simulator.baseUri() + "/simulator/complaints", "");
			assertThat(simulator.merchant("main").complaints()).hasSize(1);

			assertThat(send("PUT", hk.adminUri() + "/callback-url", "{\"url\":\"http://127.0.0.1:1/hk\"}").statusCode())
				.isEqualTo(200);
			assertThat(hk.notificationTarget()).contains(URI.create("http://127.0.0.1:1/hk"));
			assertThat(simulator.notificationTarget()).isEmpty();

			HttpResponse<String> list = send("GET", simulator.baseUri() + "/simulator/merchants", "");
			assertThat(list.body())
				.contains("\"name\" : \"main\"", "\"name\" : \"hk\"", "\"region\" : \"HONG_KONG\"",
						"\"mchid\" : \"" + hk.merchantId() + "\"", hk.keys().publicKeyId())
				.doesNotContain("PRIVATE KEY");
			HttpResponse<String> unknown = send("GET", simulator.baseUri() + "/simulator/merchants/sg/complaints", "");
			assertThat(unknown.statusCode()).isEqualTo(404);
			assertThat(unknown.body()).contains("no simulated merchant 'sg'");
		}
	}

	@Test
	void theCommandLineDeclaresMerchantsWithTheirRegions() {
		SimulatorSettings settings = new SimulatorCommandLine("--merchants=main, hk:hong_kong,sg:MAINLAND",
				"--merchant-id=1900000007")
			.settings();
		assertThat(settings.getMerchants()).containsOnlyKeys("main", "hk", "sg");
		assertThat(settings.getMerchants().get("main").getRegion()).isNull();
		assertThat(settings.getMerchants().get("hk").getRegion()).isEqualTo(MerchantRegion.HONG_KONG);
		assertThat(settings.getMerchants().get("sg").getRegion()).isEqualTo(MerchantRegion.MAINLAND);
		assertThat(settings.getMerchantId()).isEqualTo("1900000007");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SimulatorCommandLine("--merchants=hk:MARS").settings())
			.withMessageContaining("Unknown region 'MARS'");
		assertThat(new SimulatorCommandLine().settings().getMerchants()).isEmpty();
	}

	private static Map<String, String> merged(WechatPayComplaintSimulator simulator) {
		Map<String, String> merged = new LinkedHashMap<>();
		simulator.merchants().forEach((merchant) -> merged.putAll(merchant.applicationProperties()));
		return merged;
	}

	private HttpResponse<String> send(String method, String uri, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(uri))
			.method(method,
					body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
