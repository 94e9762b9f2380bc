package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.github.wechatpaycomplaint.api.ComplaintActivityListener;
import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.certificate.PlatformCertificateScheduler;
import io.github.wechatpaycomplaint.client.WechatPayComplaintRestClient;
import io.github.wechatpaycomplaint.client.WechatPayRestClientFactory;
import io.github.wechatpaycomplaint.deadline.ComplaintLedgerFeeder;
import io.github.wechatpaycomplaint.deadline.LedgerComplaintActivity;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.merchant.WechatPayVerificationKeys;
import io.github.wechatpaycomplaint.multimerchant.MerchantComponents;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchantSource;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import io.github.wechatpaycomplaint.notification.NotificationMerchants;
import io.github.wechatpaycomplaint.resilience.RetryInterceptor;
import io.github.wechatpaycomplaint.resilience.WechatPayRateLimiter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration for many merchants: the merchants of the properties
 * ({@code wechatpay.complaint.merchant.*} as {@code default}, and
 * {@code wechatpay.complaint.merchants.<name>.*}) and of the application's own
 * {@link WechatPayMerchantSource}s, in the {@link WechatPayMerchants} registry. When one
 * entry under {@code merchants} is the only merchant, its objects are also the
 * single-merchant beans.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { ComplaintClientAutoConfiguration.class, ComplaintApiAutoConfiguration.class },
		before = { ComplaintNotificationAutoConfiguration.class, ComplaintRegistrationAutoConfiguration.class,
				ComplaintReconciliationAutoConfiguration.class, ComplaintObservabilityAutoConfiguration.class })
@ConditionalOnClass(RestClient.class)
@ConditionalOnBooleanProperty(name = ComplaintProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties({ ComplaintProperties.class, ComplaintClientProperties.class })
public final class ComplaintMerchantsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PropertiesMerchantSource wechatPayPropertiesMerchantSource(Environment environment, ComplaintProperties properties,
			ResourceLoader resourceLoader) {
		return new PropertiesMerchantSource(ConfiguredMerchants.read(environment), properties, resolver(environment),
				resourceLoader);
	}

	@Bean
	@ConditionalOnMissingBean
	WechatPayMerchants wechatPayMerchants(PropertiesMerchantSource propertiesSource,
			ObjectProvider<WechatPayMerchantSource> sources, Environment environment, ResourceLoader resourceLoader,
			ComplaintProperties properties, WechatPayRestClientFactory clientFactory,
			ObjectProvider<WechatPayRateLimiter> rateLimiter, ObjectProvider<RetryInterceptor.Sleeper> sleeper,
			ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<Clock> clock,
			ObjectProvider<PlatformCertificateScheduler> scheduler, ObjectProvider<ComplaintLedgerFeeder> deadlines,
			BeanFactory beanFactory) {
		List<WechatPayMerchantSource> all = new ArrayList<>();
		all.add(propertiesSource);
		sources.orderedStream().filter((source) -> source != propertiesSource).forEach(all::add);
		Clock theClock = clock.getIfUnique(Clock::systemUTC);
		PropertiesMerchantComponentsFactory factory = new PropertiesMerchantComponentsFactory(resolver(environment),
				resourceLoader, clientFactory, rateLimiter.getIfAvailable(),
				sleeper.getIfAvailable(RetryInterceptor.Sleeper::threadSleep),
				jsonMapper.getIfAvailable(JsonMapper::new), theClock, scheduler.getIfUnique(),
				propertiesSource.singleMerchant(), () -> singleMerchantBeans(beanFactory),
				(name, merchantId) -> activity(deadlines.getIfUnique(), name, merchantId, theClock));
		// The global interval spaces what an unknown serial on the shared path sets off,
		// for all merchants together.
		return new WechatPayMerchants(all, factory,
				properties.getPlatformCertificates().getUnknownSerialRefreshInterval(), theClock);
	}

	// With complaint deadlines on, each merchant's client tells the ledger what it read
	// and
	// did.
	private static ComplaintActivityListener activity(@Nullable ComplaintLedgerFeeder feeder, String name,
			String merchantId, Clock clock) {
		return (feeder != null) ? new LedgerComplaintActivity(feeder, name, merchantId, clock)
				: ComplaintActivityListener.NONE;
	}

	@Bean
	@ConditionalOnMissingBean
	NotificationMerchants wechatPayNotificationMerchants(WechatPayMerchants merchants) {
		return merchants.notificationMerchants();
	}

	private static MerchantComponents singleMerchantBeans(BeanFactory beanFactory) {
		return new MerchantComponents(beanFactory.getBean(WechatPayMerchant.class),
				beanFactory.getBean(WechatPayVerificationKeys.class),
				beanFactory.getBean(WechatPayComplaintRestClient.BEAN_NAME, RestClient.class),
				beanFactory.getBean(WechatPayComplaintClient.class), null);
	}

	static MerchantEntryResolver resolver(Environment environment) {
		return new MerchantEntryResolver(environment,
				SingletonSupplier.ofNullable(ComplaintMerchantsAutoConfiguration::beanValidator));
	}

	private static @Nullable Validator beanValidator() {
		if (!ClassUtils.isPresent("jakarta.validation.Validation",
				ComplaintMerchantsAutoConfiguration.class.getClassLoader())) {
			return null;
		}
		try {
			LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
			validator.afterPropertiesSet();
			return validator;
		}
		catch (RuntimeException ex) {
			// No Bean Validation provider: the entries' own checks still run.
			return null;
		}
	}

	/**
	 * The single-merchant beans of the only merchant, when it is one entry under
	 * {@code wechatpay.complaint.merchants}: applications that inject
	 * {@link WechatPayComplaintClient} keep working after moving their keys under a name.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OnSoleMerchantEntryCondition.class)
	static class SoleMerchantEntryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		WechatPayMerchant wechatPayMerchant(WechatPayMerchants merchants) {
			return merchants.merchant(soleName(merchants));
		}

		@Bean
		@ConditionalOnMissingBean
		WechatPayVerificationKeys wechatPayVerificationKeys(WechatPayMerchants merchants) {
			return merchants.verificationKeys(soleName(merchants));
		}

		@Bean(name = WechatPayComplaintRestClient.BEAN_NAME, defaultCandidate = false)
		@Lazy
		@WechatPayComplaintRestClient
		@ConditionalOnMissingBean(name = WechatPayComplaintRestClient.BEAN_NAME)
		RestClient wechatPayComplaintRestClient(WechatPayMerchants merchants) {
			return merchants.components(soleName(merchants)).restClient();
		}

		@Bean
		@ConditionalOnMissingBean
		WechatPayComplaintClient wechatPayComplaintClient(WechatPayMerchants merchants) {
			return merchants.client(soleName(merchants));
		}

		private static String soleName(WechatPayMerchants merchants) {
			return merchants.names().get(0);
		}

	}

}
