package io.github.wechatpaycomplaint.autoconfigure;

import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.wechatpaycomplaint.multimerchant.MerchantDefinition;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchantSource;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreErrorsBindHandler;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.wechatpaycomplaint.autoconfigure.StartupFailureAssertions.assertInvalidProperty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A key that no merchant entry has, under {@code wechatpay.complaint.merchants.<name>.}
 * or as the setting of a {@link MerchantDefinition} the registry takes, is refused with
 * the closest known key instead of being ignored; the keys are those the Binder binds, in
 * any relaxed spelling.
 */
class MerchantEntryKeysTests {

	private static final String HK = "wechatpay.complaint.merchants.hk.";

	private static final String RUNTIME = "wechatpay.complaint.merchants.runtime.";

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
				ComplaintClientAutoConfiguration.class, ComplaintApiAutoConfiguration.class,
				ComplaintMerchantsAutoConfiguration.class))
		.withPropertyValues(ManyMerchantsTests.entries(this.wechatPay));

	@Test
	void aMistypedKeyOfAnEntryStopsStartupNamingItAndTheKeyMeant() {
		this.runner.withPropertyValues(HK + "client.endpiont=HONG_KONG").run((context) -> {
			InvalidComplaintPropertyException invalid = assertInvalidProperty(context, HK + "client.endpiont");
			assertThat(invalid.getAction()).contains("Did you mean '" + HK + "client.endpoint'?");
		});
	}

	@Test
	void aKeyUnderTheWrongGroupIsMatchedByItsLastPart() {
		this.runner.withPropertyValues(HK + "endpoint=HONG_KONG")
			.run((context) -> assertThat(assertInvalidProperty(context, HK + "endpoint").getAction())
				.contains("Did you mean '" + HK + "client.endpoint'?"));
	}

	@Test
	void aGlobalOnlyKeyInAnEntryIsRefusedToo() {
		this.runner.withPropertyValues(HK + "notification.path=/hk-notifications", HK + "metrics.merchant-tag=false")
			.run((context) -> assertThat(assertInvalidProperty(context, HK + "metrics.merchant-tag").getProblem())
				.contains(HK + "notification.path"));
	}

	@Test
	void relaxedSpellingsOfAnEntrysKeysBind() {
		this.runner
			.withPropertyValues(HK + "client.rateLimit.feedback.permits=7", HK + "client.retry.MAX_ATTEMPTS=2",
					HK + "reconciliation.look_back_days=3")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MerchantEntryProperties hk = ComplaintMerchantsAutoConfiguration.resolver(context.getEnvironment())
					.resolve("hk", ConfiguredMerchants.read(context.getEnvironment()).entry("hk"));
				assertThat(hk.getClient().getRateLimit().getFeedback().getPermits()).isEqualTo(7);
				assertThat(hk.getClient().getRetry().getMaxAttempts()).isEqualTo(2);
				assertThat(hk.getReconciliation().getLookBackDays()).isEqualTo(3);
			});
	}

	@Test
	void aDefinitionWithAMistypedSettingIsRefusedWhereItIsAddedAndChangesNothing() {
		this.runner.run((context) -> {
			WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
			List<String> before = merchants.names();
			assertThatIllegalArgumentException()
				.isThrownBy(() -> merchants.put(definition().setting("client.endpiont", "HONG_KONG").build()))
				.withMessageContaining("'client.endpiont'")
				.withMessageContaining(RUNTIME + "client.endpiont")
				.withMessageContaining("did you mean 'client.endpoint'?")
				.withMessageNotContaining("HONG_KONG");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> merchants.put(definition().setting("notification.path", "/hk").build()))
				.withMessageContaining(RUNTIME + "notification.path");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> merchants.put(definition().setting("client", "x").build()));
			assertThat(merchants.names()).isEqualTo(before);
		});
	}

	@Test
	void anApplicationsSourceWithAMistypedSettingStopsStartup() {
		this.runner
			.withBean("platformMerchants", WechatPayMerchantSource.class,
					() -> () -> List.of(definition().setting("client.endpiont", "HONG_KONG").build()))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(RUNTIME + "client.endpiont"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "client.baseUri", "client.base_uri", "client.rate-limit.list.permits",
			"client.rateLimit.list.permits", "notification.register-on-startup", "reconciliation.lookBackDays" })
	void aDefinitionTakesTheKeysOfAnEntryInAnySpelling(String key) {
		this.runner.run((context) -> assertThatNoException()
			.isThrownBy(() -> context.getBean(WechatPayMerchants.class).put(definition().setting(key, "1").build())));
	}

	@Test
	void everyKeyOfAnEntryBindsAndMirrorsAGlobalKeyOfTheMetadata() throws Exception {
		assertThat(MerchantEntryKeys.all())
			.contains("merchant.id", "wechatpay-public-key.key", "platform-certificates.enabled", "client.endpoint",
					"client.failover.backup-base-uri", "client.rate-limit.feedback.permits", "notification.public-url",
					"reconciliation.look-back-days")
			.doesNotContain("client", "client.rate-limit", "notification.path", "merchant.empty");
		// A value that converts (the default, else "1"): a value that does not is
		// reported unbound too.
		Map<String, String> globalValues = new HashMap<>();
		try (InputStream metadata = getClass().getClassLoader()
			.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
			for (JsonNode property : new JsonMapper().readTree(metadata).get("properties")) {
				globalValues.put(property.get("name").asString(), property.path("defaultValue").asString("1"));
			}
		}
		Map<String, String> everyKey = new LinkedHashMap<>();
		for (String key : MerchantEntryKeys.all()) {
			String global = ComplaintProperties.PREFIX + "." + key;
			assertThat(globalValues).as(key).containsKey(global);
			everyKey.put(HK + key, globalValues.get(global));
		}
		Binder binder = new Binder(new MapConfigurationPropertySource(everyKey));
		assertThatNoException().as("NoUnboundElementsBindHandler finds every key bound")
			.isThrownBy(() -> binder.bind("wechatpay.complaint.merchants.hk",
					Bindable.ofInstance(new MerchantEntryProperties()),
					new NoUnboundElementsBindHandler(new IgnoreErrorsBindHandler())));
	}

	private static MerchantDefinition.Builder definition() {
		return MerchantDefinition.builder("runtime")
			.merchantId("1900009999")
			.certificateSerialNumber("6B2E9C1F0A3D5E7F9B1C3D5E7F9A1B3C5D7E9F10")
			.privateKey("file:/nowhere/apiclient_key.pem")
			.apiV3Key("0123456789abcdef0123456789abcdef");
	}

}
