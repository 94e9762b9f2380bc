package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

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
import org.springframework.core.env.Environment;

/**
 * Auto-configuration for the reconciliation job: for the merchant of
 * {@code wechatpay.complaint.merchant.*} when
 * {@code wechatpay.complaint.reconciliation.enabled=true}, and for each merchant under
 * {@code wechatpay.complaint.merchants.<name>} whose {@code reconciliation.enabled} (or
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

	/** The reconciliation of the merchant of the single-merchant keys, as always. */
	@Configuration(proxyBeanMethods = false)
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
	 * The reconciliation of every other merchant: one scheduler runs each reconciled
	 * merchant in turn, each merchant's client built on its first run.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(WechatPayMerchants.class)
	@Conditional(OnMerchantFlagCondition.Reconciliation.class)
	@Import(NotificationDeduplicationStoreConfigurations.class)
	static class MerchantReconciliation {

		@Bean(MERCHANTS_SCHEDULER_BEAN_NAME)
		@ConditionalOnMissingBean(name = MERCHANTS_SCHEDULER_BEAN_NAME)
		ReconciliationScheduler complaintMerchantReconciliationScheduler(WechatPayMerchants merchants,
				ObjectProvider<PropertiesMerchantSource> propertiesSource,
				ComplaintReconciliationProperties reconciliation, NotificationDeduplicationStore store,
				ApplicationEventPublisher publisher, ObjectProvider<Clock> clock, Environment environment) {
			List<ComplaintReconciler> reconcilers = new ArrayList<>();
			for (EntryMerchants.EntryMerchant merchant : EntryMerchants.of(merchants, propertiesSource.getIfAvailable(),
					environment)) {
				ComplaintReconciliationProperties settings = merchant.settings().getReconciliation();
				if (settings.isEnabled()) {
					String name = merchant.name();
					reconcilers.add(new ComplaintReconciler(() -> merchants.client(name), store, publisher,
							clock.getIfUnique(Clock::systemUTC), name, merchant.definition().merchantId(),
							settings.getLookBackDays(), reconciliation.getLockLease()));
				}
			}
			return new ReconciliationScheduler(reconcilers, reconciliation.getInitialDelay(),
					reconciliation.getInterval());
		}

	}

}
