package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.reconciliation.ComplaintReconciler;
import io.github.wechatpaycomplaint.reconciliation.ReconciliationScheduler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration for the reconciliation job: for the merchant of
 * {@code wechatpay.complaint.merchant.*} when
 * {@code wechatpay.complaint.reconciliation.enabled=true}, and for every other merchant
 * in the registry (under {@code wechatpay.complaint.merchants.<name>}, from an
 * application's source, or added while it runs) whose {@code reconciliation.enabled} (or
 * the global one) is on, with its own client and look-back days. It shares the
 * notification de-duplication store, creating it in applications that have no
 * notification endpoint; the run lock and the reported states are keyed by merchant id.
 *
 * @since 0.1.0
 */
@AutoConfiguration(
		after = { ComplaintApiAutoConfiguration.class, ComplaintMerchantsAutoConfiguration.class,
				ComplaintNotificationAutoConfiguration.class },
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration" })
@EnableConfigurationProperties(ComplaintReconciliationProperties.class)
public final class ComplaintReconciliationAutoConfiguration {

	/**
	 * Name of the scheduler of the merchants under {@code wechatpay.complaint.merchants};
	 * define a bean with this name to replace it.
	 */
	public static final String MERCHANTS_SCHEDULER_BEAN_NAME = "complaintMerchantReconciliationScheduler";

	/**
	 * The reconciliation of the merchant of the single-merchant keys, as always. Ordered
	 * first: its scheduler backs off for any other ReconciliationScheduler, which the
	 * merchants' scheduler, registered whenever the registry is, must not count as.
	 */
	@Configuration(proxyBeanMethods = false)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@ConditionalOnBooleanProperty(name = ComplaintReconciliationProperties.PREFIX + ".enabled")
	@ConditionalOnBean(WechatPayComplaintClient.class)
	@Conditional(OnSingleMerchantPropertiesCondition.class)
	@Import(NotificationDeduplicationStoreConfigurations.class)
	static class SingleMerchantReconciliation {

		@Bean
		@ConditionalOnMissingBean
		ComplaintReconciler complaintReconciler(ComplaintReconciliationProperties reconciliation,
				WechatPayComplaintClient client, NotificationDeduplicationStore store,
				ApplicationEventPublisher publisher, WechatPayMerchant merchant, ObjectProvider<Clock> clock) {
			return new ComplaintReconciler(client, store, publisher, clock.getIfUnique(Clock::systemUTC),
					merchant.getMerchantId(), reconciliation.getLookBackDays(), reconciliation.getLockLease());
		}

		@Bean
		@ConditionalOnMissingBean
		ReconciliationScheduler complaintReconciliationScheduler(ComplaintReconciliationProperties reconciliation,
				ComplaintReconciler reconciler) {
			return new ReconciliationScheduler(reconciler, reconciliation.getInitialDelay(),
					reconciliation.getInterval());
		}

	}

	/**
	 * The reconciliation of every other merchant: one scheduler that reads the registry
	 * at the start of each run and runs each merchant whose settings (or the global ones)
	 * ask for it, each merchant's client built on its first run. It exists whenever the
	 * registry does, because a merchant added while the application runs may ask.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(WechatPayMerchants.class)
	static class MerchantReconciliation {

		@Bean(MERCHANTS_SCHEDULER_BEAN_NAME)
		@ConditionalOnMissingBean(name = MERCHANTS_SCHEDULER_BEAN_NAME)
		ReconciliationScheduler complaintMerchantReconciliationScheduler(WechatPayMerchants merchants,
				ObjectProvider<PropertiesMerchantSource> propertiesSource,
				ComplaintReconciliationProperties reconciliation, ObjectProvider<NotificationDeduplicationStore> store,
				ApplicationEventPublisher publisher, ObjectProvider<Clock> clock, Environment environment) {
			RegistryReconcilers reconcilers = new RegistryReconcilers(merchants,
					new EntryMerchants(propertiesSource.getIfAvailable(), environment), store, publisher,
					clock.getIfUnique(Clock::systemUTC), reconciliation.getLockLease());
			return new ReconciliationScheduler(reconcilers, reconciliation.getInitialDelay(),
					reconciliation.getInterval());
		}

	}

	/**
	 * The de-duplication store the merchants' reconciliation keeps its reports in, in
	 * applications without the notification endpoint: created when a reconciliation flag
	 * is set, when the default memory store costs nothing, or when the application chose
	 * a store.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(WechatPayMerchants.class)
	@Conditional(OnMerchantReconciliationStoreCondition.class)
	@Import(NotificationDeduplicationStoreConfigurations.class)
	static class MerchantReconciliationStore {

	}

}
