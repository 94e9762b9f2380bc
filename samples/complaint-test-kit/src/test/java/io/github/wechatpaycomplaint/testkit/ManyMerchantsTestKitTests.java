package io.github.wechatpaycomplaint.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintApiAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintMerchantsAutoConfiguration;
import io.github.wechatpaycomplaint.crypto.SignatureVerificationException;
import io.github.wechatpaycomplaint.crypto.SignedHeaders;
import io.github.wechatpaycomplaint.crypto.internal.ApiV3KeyCipher;
import io.github.wechatpaycomplaint.crypto.internal.WechatPaySignatureValidator;
import io.github.wechatpaycomplaint.merchant.WechatPayPublicKey;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import io.github.wechatpaycomplaint.simulator.MerchantRegion;
import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The kit for an application of several merchants: the extension runs one simulator for a
 * mainland {@code main} and a Hong Kong {@code hk} merchant whose properties start the
 * starter's registry, each merchant's keys are the shared test keys of its merchant id,
 * and a notification built for a merchant carries that merchant's serial, signature and
 * encryption.
 */
class ManyMerchantsTestKitTests {

	@RegisterExtension
	static final WechatPaySimulatorExtension wechatPay = new WechatPaySimulatorExtension(
			(settings) -> settings.merchant("main", (merchant) -> merchant)
				.merchant("hk", (merchant) -> merchant.region(MerchantRegion.HONG_KONG)));

	private static final JsonMapper JSON = new JsonMapper();

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class, ComplaintClientAutoConfiguration.class,
				ComplaintApiAutoConfiguration.class, ComplaintMerchantsAutoConfiguration.class));

	@Test
	void theStarterCallsEachMerchantOfTheSimulatorAsThatMerchant() {
		String mainComplaint = wechatPay.merchant("main").fileComplaint();
		String hkComplaint = wechatPay.merchant("hk").fileComplaint();
		this.runner.withPropertyValues(wechatPay.simulator().applicationPropertyValues()).run((context) -> {
			assertThat(context).hasNotFailed();
			WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
			assertThat(merchants.names()).containsExactlyInAnyOrder("main", "hk");
			assertThat(merchants.client("main").getComplaint(mainComplaint).complaintedMchid()).isEqualTo("1900000001");
			assertThat(merchants.client("hk").getComplaint(hkComplaint).complaintedMchid()).isEqualTo("1900000002");
		});
	}

	@Test
	void eachMerchantsKeysAreTheSharedTestKeysOfItsMerchantId() {
		assertThat(wechatPay.merchant("main").keys()).isSameAs(WechatPayTestKeys.shared().simulatorKeys());
		assertThat(wechatPay.merchant("hk").keys()).isSameAs(WechatPayTestKeys.shared("1900000002").simulatorKeys());
		assertThat(WechatPayTestKeys.shared("1900000002").applicationProperties("hk"))
			.containsEntry("wechatpay.complaint.merchants.hk.merchant.id", "1900000002")
			.containsEntry("wechatpay.complaint.merchants.hk.wechatpay-public-key.id",
					wechatPay.merchant("hk").keys().publicKeyId())
			.allSatisfy((key, value) -> assertThat(key).startsWith("wechatpay.complaint.merchants.hk."));
		assertThat(WechatPayTestKeys.shared("1900000002").propertyValues("hk"))
			.contains("wechatpay.complaint.merchants.hk.merchant.id=1900000002");
	}

	@Test
	void aNotificationForAMerchantIsSignedAndEncryptedWithThatMerchantsKeys() {
		SimulatorKeys hk = wechatPay.merchant("hk").keys();
		SimulatorKeys main = wechatPay.merchant("main").keys();
		WechatPayNotification notification = wechatPay.notification("hk")
			.complaintCreated("200000020250613090012345678")
			.build();

		assertThat(notification.headers()).containsEntry("Wechatpay-Serial", hk.publicKeyId());
		validator(hk).validate(headers(notification), notification.body());
		JsonNode resource = JSON.readTree(notification.body()).path("resource");
		assertThat(new String(
				new ApiV3KeyCipher(hk.apiV3Key()).decrypt(resource.path("associated_data").asString(),
						resource.path("nonce").asString(), resource.path("ciphertext").asString()),
				StandardCharsets.UTF_8))
			.contains("200000020250613090012345678");
		assertThatExceptionOfType(SignatureVerificationException.class).as("checked with main's WeChat Pay key")
			.isThrownBy(() -> validator(main).validate(headers(notification), notification.body()));
	}

	private static WechatPaySignatureValidator validator(SimulatorKeys keys) {
		return new WechatPaySignatureValidator(
				new WechatPayPublicKey(keys.publicKeyId(), keys.wechatpayKeys().getPublic()), Clock.systemUTC(),
				Duration.ofMinutes(5));
	}

	private static SignedHeaders headers(WechatPayNotification notification) {
		return SignedHeaders.from((name) -> notification.headers().get(name));
	}

}
