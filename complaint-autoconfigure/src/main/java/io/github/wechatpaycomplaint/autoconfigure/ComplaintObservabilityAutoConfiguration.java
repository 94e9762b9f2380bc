package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;
import java.util.List;

import io.github.wechatpaycomplaint.client.WechatPayRestClientCustomizer;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.merchant.WechatPayVerificationKeys;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.NotificationMerchants;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;
import io.github.wechatpaycomplaint.observability.ComplaintApiMetricsInterceptor;
import io.github.wechatpaycomplaint.observability.ComplaintHealthIndicator;
import io.github.wechatpaycomplaint.observability.ComplaintMerchantsHealthIndicator;
import io.github.wechatpaycomplaint.observability.ComplaintNotificationMetrics;
import io.github.wechatpaycomplaint.observability.DeduplicationStoreHealthIndicator;
import io.github.wechatpaycomplaint.observability.NotificationActivity;
import io.github.wechatpaycomplaint.observability.NotificationInboxHealthIndicator;
import io.github.wechatpaycomplaint.observability.NotificationInboxMetrics;
import io.github.wechatpaycomplaint.observability.TimedNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.registration.NotificationUrlRegistrar;
import io.github.wechatpaycomplaint.registration.NotificationUrlRegistrars;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the starter's Micrometer meters (when a {@link MeterRegistry} is
 * present) and of its Actuator health indicators (when Spring Boot's health support is
 * present), those of the inbox in durable processing included.
 *
 * @since 0.1.0
 */
@AutoConfiguration(
		after = { ComplaintClientAutoConfiguration.class, ComplaintMerchantsAutoConfiguration.class,
				ComplaintNotificationAutoConfiguration.class, ComplaintRegistrationAutoConfiguration.class,
				ComplaintReconciliationAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnBooleanProperty(name = ComplaintProperties.PREFIX + ".enabled", matchIfMissing = true)
public final class ComplaintObservabilityAutoConfiguration {

	/**
	 * Name of the health indicator bean; Actuator shows it as {@code wechatpayComplaint}.
	 */
	public static final String HEALTH_INDICATOR_BEAN_NAME = "wechatpayComplaintHealthIndicator";

	/**
	 * Name of the de-duplication store's health indicator bean; Actuator shows it as
	 * {@code wechatpayComplaintDeduplicationStore}.
	 */
	public static final String STORE_HEALTH_INDICATOR_BEAN_NAME = "wechatpayComplaintDeduplicationStoreHealthIndicator";

	/**
	 * Name of the post-processor that times the de-duplication store; define a bean with
	 * this name (any {@code BeanPostProcessor}, even one that does nothing) to replace or
	 * switch off the timing.
	 */
	public static final String STORE_TIMER_BEAN_NAME = "complaintDeduplicationStoreTimer";

	/**
	 * Name of the inbox's health indicator bean in durable processing; Actuator shows it
	 * as {@code wechatpayComplaintInbox}.
	 */
	public static final String INBOX_HEALTH_INDICATOR_BEAN_NAME = "wechatpayComplaintInboxHealthIndicator";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	@EnableConfigurationProperties(ComplaintMetricsProperties.class)
	static class MetricsConfiguration {

		// Added by the factory before the starter's own interceptors, so it times a call
		// as the caller sees it.
		@Bean
		@ConditionalOnMissingBean(name = "wechatPayComplaintMetricsCustomizer")
		WechatPayRestClientCustomizer wechatPayComplaintMetricsCustomizer(MeterRegistry registry,
				ComplaintMetricsProperties properties) {
			ComplaintApiMetricsInterceptor interceptor = new ComplaintApiMetricsInterceptor(registry,
					properties.isMerchantTag());
			return (builder) -> builder.requestInterceptors((interceptors) -> {
				interceptors.removeIf(ComplaintApiMetricsInterceptor.class::isInstance);
				interceptors.add(0, interceptor);
			});
		}

		@Bean
		@ConditionalOnMissingBean
		ComplaintNotificationMetrics complaintNotificationMetrics(MeterRegistry registry,
				ComplaintMetricsProperties properties, ObjectProvider<NotificationMerchants> merchants) {
			NotificationMerchants known = merchants.getIfUnique();
			return new ComplaintNotificationMetrics(registry, properties.isMerchantTag(),
					(known != null) ? known.names() : List.of());
		}

		// The worker reports its passes to it (InboxPassObserver).
		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnProperty(name = NotificationInboxConfigurations.PROCESSING, havingValue = "durable")
		@ConditionalOnBean(NotificationInbox.class)
		NotificationInboxMetrics complaintNotificationInboxMetrics(MeterRegistry registry,
				ComplaintMetricsProperties properties, NotificationInbox inbox,
				ObjectProvider<NotificationMerchants> merchants, ObjectProvider<Clock> clock) {
			NotificationMerchants known = merchants.getIfUnique();
			return new NotificationInboxMetrics(registry, inbox, clock.getIfUnique(Clock::systemUTC),
					properties.isMerchantTag(), (known != null) ? known.names() : List.of());
		}

		@Bean(STORE_TIMER_BEAN_NAME)
		@ConditionalOnMissingBean(name = STORE_TIMER_BEAN_NAME)
		static BeanPostProcessor complaintDeduplicationStoreTimer(ObjectProvider<MeterRegistry> registry) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof NotificationDeduplicationStore
							&& !(bean instanceof TimedNotificationDeduplicationStore)) {
						return new TimedNotificationDeduplicationStore((NotificationDeduplicationStore) bean,
								registry.getObject());
					}
					return bean;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("wechatpay-complaint")
	@EnableConfigurationProperties(ComplaintHealthProperties.class)
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		NotificationActivity complaintNotificationActivity(ObjectProvider<Clock> clock) {
			return new NotificationActivity(clock.getIfUnique(Clock::systemUTC));
		}

		@Bean(HEALTH_INDICATOR_BEAN_NAME)
		@ConditionalOnMissingBean(name = HEALTH_INDICATOR_BEAN_NAME)
		@ConditionalOnBean({ WechatPayMerchant.class, WechatPayVerificationKeys.class })
		@Conditional(OnOneConfiguredMerchantCondition.class)
		ComplaintHealthIndicator wechatpayComplaintHealthIndicator(ComplaintHealthProperties properties,
				WechatPayMerchant merchant, WechatPayVerificationKeys keys, NotificationActivity activity,
				ObjectProvider<NotificationUrlRegistrar> registrar, ObjectProvider<Clock> clock) {
			return new ComplaintHealthIndicator(merchant, keys, activity, registrar.getIfUnique(),
					clock.getIfUnique(Clock::systemUTC), properties.getCertificateExpiryWarning());
		}

		// Several merchants: one entry each, in the same indicator.
		@Bean(HEALTH_INDICATOR_BEAN_NAME)
		@ConditionalOnMissingBean(name = HEALTH_INDICATOR_BEAN_NAME)
		@ConditionalOnBean(WechatPayMerchants.class)
		ComplaintMerchantsHealthIndicator wechatpayComplaintMerchantsHealthIndicator(
				ComplaintHealthProperties properties, WechatPayMerchants merchants,
				ObjectProvider<NotificationActivity> activity, ObjectProvider<NotificationUrlRegistrars> registrars,
				ObjectProvider<Clock> clock) {
			return new ComplaintMerchantsHealthIndicator(merchants, activity.getIfUnique(), registrars.getIfUnique(),
					clock.getIfUnique(Clock::systemUTC), properties.getCertificateExpiryWarning());
		}

		@Bean(STORE_HEALTH_INDICATOR_BEAN_NAME)
		@ConditionalOnBean(NotificationDeduplicationStore.class)
		@ConditionalOnMissingBean(name = STORE_HEALTH_INDICATOR_BEAN_NAME)
		DeduplicationStoreHealthIndicator wechatpayComplaintDeduplicationStoreHealthIndicator(
				NotificationDeduplicationStore store) {
			return new DeduplicationStoreHealthIndicator(store);
		}

		@Bean(INBOX_HEALTH_INDICATOR_BEAN_NAME)
		@ConditionalOnMissingBean(name = INBOX_HEALTH_INDICATOR_BEAN_NAME)
		@ConditionalOnProperty(name = NotificationInboxConfigurations.PROCESSING, havingValue = "durable")
		@ConditionalOnBean(NotificationInbox.class)
		NotificationInboxHealthIndicator wechatpayComplaintInboxHealthIndicator(ComplaintHealthProperties properties,
				NotificationInbox inbox, ObjectProvider<Clock> clock) {
			return new NotificationInboxHealthIndicator(inbox, clock.getIfUnique(Clock::systemUTC),
					new Status(properties.getInboxFailedStatus()));
		}

	}

}
