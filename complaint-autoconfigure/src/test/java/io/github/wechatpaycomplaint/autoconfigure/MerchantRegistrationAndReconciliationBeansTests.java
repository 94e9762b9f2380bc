package io.github.wechatpaycomplaint.autoconfigure;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.wechatpaycomplaint.multimerchant.MerchantDefinition;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.reconciliation.ComplaintReconciler;
import io.github.wechatpaycomplaint.reconciliation.ReconciliationScheduler;
import io.github.wechatpaycomplaint.registration.NotificationUrlRegistrar;
import io.github.wechatpaycomplaint.registration.NotificationUrlRegistrars;
import io.github.wechatpaycomplaint.simulator.keys.PemText;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.wechatpaycomplaint.autoconfigure.StartupFailureAssertions.assertInvalidProperty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merchants' registration and reconciliation beans exist whenever the registry does,
 * since any merchant's settings may ask, while the single-merchant beans stay as they
 * were; the de-duplication store the merchants' reconciliation needs is created only when
 * that costs nothing or is asked for, so an application that reconciles nothing never
 * fails for a store library it does not have.
 */
class MerchantRegistrationAndReconciliationBeansTests {

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
				ComplaintClientAutoConfiguration.class, ComplaintApiAutoConfiguration.class,
				ComplaintMerchantsAutoConfiguration.class, ComplaintRegistrationAutoConfiguration.class,
				ComplaintReconciliationAutoConfiguration.class))
		.withPropertyValues("wechatpay.complaint.reconciliation.initial-delay=1h");

	@Test
	void theMerchantsBeansExistWheneverTheRegistryDoesThoughNothingAsksYet() {
		this.runner.withPropertyValues(ManyMerchantsTests.entries(this.wechatPay)).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(NotificationUrlRegistrars.class)
				.hasBean(ComplaintReconciliationAutoConfiguration.MERCHANTS_SCHEDULER_BEAN_NAME)
				.doesNotHaveBean(NotificationUrlRegistrar.class)
				.doesNotHaveBean(ComplaintReconciler.class);
			assertThat(context.getBean(NotificationUrlRegistrars.class).getRegistrars()).isEmpty();
			assertThat(merchantsScheduler(context).getReconcilers()).isEmpty();
		});
	}

	@Test
	void theSingleMerchantKeysKeepTheirOwnRegistrationAndReconciliation() {
		this.runner.withPropertyValues(this.wechatPay.publicKeyModeProperties())
			.withPropertyValues("wechatpay.complaint.notification.register-on-startup=true",
					"wechatpay.complaint.notification.public-url=https://pay.example.com/notify",
					"wechatpay.complaint.reconciliation.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(NotificationUrlRegistrar.class)
					.hasSingleBean(ComplaintReconciler.class)
					.hasBean("complaintReconciliationScheduler");
				assertThat(context.getBean(NotificationUrlRegistrar.class).getMerchantName()).isEmpty();
				assertThat(context.getBean(NotificationUrlRegistrars.class).getRegistrars())
					.as("'default' is the single-merchant beans'")
					.isEmpty();
				assertThat(merchantsScheduler(context).getReconcilers()).isEmpty();
				// A merchant put later is the merchants' beans' to serve.
				context.getBean(WechatPayMerchants.class).put(hkDefinition().build());
				assertThat(context.getBean(NotificationUrlRegistrars.class).find("hk")).hasValueSatisfying(
						(registrar) -> assertThat(registrar.getUrl()).isEqualTo("https://pay.example.com/notify/hk"));
				assertThat(merchantsScheduler(context).getReconcilers())
					.extracting(ComplaintReconciler::getMerchantName)
					.containsExactly("hk");
			});
	}

	@Test
	void theMemoryStoreIsCreatedForTheMerchantsWhenCaffeineIsThere() {
		this.runner.withPropertyValues(ManyMerchantsTests.entries(this.wechatPay))
			.run((context) -> assertThat(context).hasSingleBean(NotificationDeduplicationStore.class));
	}

	@Test
	void withoutCaffeineAndWithoutAnyReconciliationNoStoreIsNeeded() {
		this.runner.withClassLoader(new FilteredClassLoader(Caffeine.class))
			.withPropertyValues(ManyMerchantsTests.entries(this.wechatPay))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(NotificationDeduplicationStore.class);
				// Asked for at run time with no store: skipped, and logged with the fix.
				context.getBean(WechatPayMerchants.class).put(sgDefinition());
				assertThat(merchantsScheduler(context).getReconcilers()).isEmpty();
			});
	}

	@Test
	void aReconciliationFlagOrAChosenStoreCreatesTheStore() {
		this.runner.withClassLoader(new FilteredClassLoader(Caffeine.class))
			.withPropertyValues(ManyMerchantsTests.entries(this.wechatPay))
			.withPropertyValues("wechatpay.complaint.merchants.hk.reconciliation.enabled=true")
			.run((context) -> assertInvalidProperty(context, NotificationDeduplicationStoreConfigurations.STORE));
		this.runner.withClassLoader(new FilteredClassLoader(Caffeine.class))
			.withPropertyValues(ManyMerchantsTests.entries(this.wechatPay))
			.withPropertyValues(NotificationDeduplicationStoreConfigurations.STORE + "=memory")
			.run((context) -> assertInvalidProperty(context, NotificationDeduplicationStoreConfigurations.STORE));
	}

	private static ReconciliationScheduler merchantsScheduler(AssertableApplicationContext context) {
		return context.getBean(ComplaintReconciliationAutoConfiguration.MERCHANTS_SCHEDULER_BEAN_NAME,
				ReconciliationScheduler.class);
	}

	private static MerchantDefinition sgDefinition() {
		return MerchantDefinition.builder("sg")
			.merchantId("1900000009")
			.certificateSerialNumber(ManyMerchantsTests.HK_SERIAL)
			.privateKey(PemText.privateKey(ManyMerchantsTests.HK_MERCHANT_KEYS.getPrivate()))
			.apiV3Key(ManyMerchantsTests.HK_API_V3_KEY)
			.wechatpayPublicKey("PUB_KEY_ID_0119000000092025112300000000000009",
					PemText.write(ManyMerchantsTests.HK_WECHATPAY_KEYS.getPublic()))
			.setting("reconciliation.enabled", "true")
			.build();
	}

	private static MerchantDefinition.Builder hkDefinition() {
		return ManyMerchantsTests.hkMerchant()
			.setting("notification.register-on-startup", "true")
			.setting("reconciliation.enabled", "true");
	}

}
