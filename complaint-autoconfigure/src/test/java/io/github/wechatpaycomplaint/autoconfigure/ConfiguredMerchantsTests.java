package io.github.wechatpaycomplaint.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConfiguredMerchants}: the entries are read in one walk, each bound
 * from its own properties, and the conditions' summary is read again when the
 * environment's sources change.
 */
class ConfiguredMerchantsTests {

	private static final String HK = "wechatpay.complaint.merchants.hk.";

	private static final String MAIN = "wechatpay.complaint.merchants.main.";

	@Test
	void entriesAreReadInConfigurationOrderEachWithItsOwnKeys() {
		StandardEnvironment environment = environment("first", Map.of(HK + "merchant.id", "1900000001"));
		environment.getPropertySources()
			.addLast(new MapPropertySource("second", properties(HK + "merchant.id", "ignored", MAIN + "merchant.id",
					"1900000002", "wechatpay.complaint.merchant.id", "1900000003")));
		ConfiguredMerchants merchants = ConfiguredMerchants.read(environment);
		assertThat(merchants.entryNames()).containsExactly("hk", "main");
		assertThat(merchants.singleMerchantSet()).isTrue();
		assertThat(merchants.entry("hk").bind(HK + "merchant.id", String.class).get())
			.as("the source of higher precedence wins")
			.isEqualTo("1900000001");
		assertThat(merchants.entry("hk").bind(MAIN + "merchant.id", String.class).isBound()).isFalse();
		assertThat(merchants.entry("other").bind(HK + "merchant.id", String.class).isBound()).isFalse();
	}

	@Test
	void placeholdersAreResolvedWhenAnEntryIsBound() {
		StandardEnvironment environment = environment("test",
				properties(HK + "merchant.id", "${hk-id}", "hk-id", "1900000001"));
		assertThat(ConfiguredMerchants.read(environment).entry("hk").bind(HK + "merchant.id", String.class).get())
			.isEqualTo("1900000001");
	}

	@Test
	void anEntryHasSettingsWhenItSetsMoreThanItsIdentity() {
		ConfiguredMerchants merchants = ConfiguredMerchants.read(environment("test",
				properties(HK + "merchant.id", "1", HK + "wechatpay-public-key.id", "PUB_KEY_ID_1",
						HK + "platform-certificates.enabled", "true", MAIN + "merchant.id", "2",
						MAIN + "client.endpoint", "HONG_KONG", "wechatpay.complaint.merchants.cn.merchant.id", "3",
						"wechatpay.complaint.merchants.cn.platform-certificates.refresh-interval", "1h")));
		assertThat(merchants.hasSettings("hk")).isFalse();
		assertThat(merchants.hasSettings("main")).isTrue();
		assertThat(merchants.hasSettings("cn")).isTrue();
		assertThat(merchants.hasSettings("none")).isFalse();
	}

	@Test
	void noMerchantKeysMeansNoMerchant() {
		ConfiguredMerchants merchants = ConfiguredMerchants
			.read(environment("test", Map.of("wechatpay.complaint.merchantsx.hk.merchant.id", "1")));
		assertThat(merchants.entryNames()).isEmpty();
		assertThat(merchants.singleMerchantSet()).isFalse();
	}

	@Test
	void aSwitchIsOnWhenTheGlobalKeyOrAnyEntryTurnsItOn() {
		StandardEnvironment environment = environment("test", properties(HK + "reconciliation.enabled", "${on}", "on",
				" true ", MAIN + "reconciliation.enabled", "false"));
		ConditionContext context = context(new DefaultListableBeanFactory(), environment);
		assertThat(ConfiguredMerchants.of(context).switchOnAnywhere(environment, "reconciliation.enabled")).isTrue();
		assertThat(ConfiguredMerchants.of(context).switchOnAnywhere(environment, "notification.registration.enabled"))
			.isFalse();
		StandardEnvironment global = environment("test",
				properties("wechatpay.complaint.reconciliation.enabled", "true", MAIN + "merchant.id", "1"));
		assertThat(ConfiguredMerchants.of(context(new DefaultListableBeanFactory(), global))
			.switchOnAnywhere(global, "reconciliation.enabled")).isTrue();
		StandardEnvironment off = environment("test", properties(MAIN + "reconciliation.enabled", "false"));
		assertThat(ConfiguredMerchants.of(context(new DefaultListableBeanFactory(), off))
			.switchOnAnywhere(off, "reconciliation.enabled")).isFalse();
	}

	@Test
	void theConditionsOfOneContextShareOneReadingUntilTheSourcesChange() {
		StandardEnvironment environment = environment("test", Map.of(HK + "merchant.id", "1900000001"));
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		ConfiguredMerchants.Summary first = ConfiguredMerchants.of(context(beanFactory, environment));
		assertThat(first.entries()).isEqualTo(1);
		assertThat(ConfiguredMerchants.of(context(beanFactory, environment))).isSameAs(first);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("added", properties(MAIN + "merchant.id", "1900000002")));
		assertThat(ConfiguredMerchants.of(context(beanFactory, environment)).entries()).isEqualTo(2);
		StandardEnvironment other = environment("test", Map.of("wechatpay.complaint.merchant.id", "1900000003"));
		ConfiguredMerchants.Summary another = ConfiguredMerchants.of(context(new DefaultListableBeanFactory(), other));
		assertThat(another.entries()).isZero();
		assertThat(another.singleMerchantSet()).isTrue();
	}

	private static StandardEnvironment environment(String name, Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource(name, properties));
		return environment;
	}

	private static Map<String, Object> properties(String... keysAndValues) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			properties.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return properties;
	}

	private static ConditionContext context(DefaultListableBeanFactory beanFactory, Environment environment) {
		return new ConditionContext() {

			@Override
			public BeanDefinitionRegistry getRegistry() {
				return beanFactory;
			}

			@Override
			public @Nullable ConfigurableListableBeanFactory getBeanFactory() {
				return beanFactory;
			}

			@Override
			public Environment getEnvironment() {
				return environment;
			}

			@Override
			public ResourceLoader getResourceLoader() {
				return new DefaultResourceLoader();
			}

			@Override
			public @Nullable ClassLoader getClassLoader() {
				return getClass().getClassLoader();
			}

		};
	}

}
