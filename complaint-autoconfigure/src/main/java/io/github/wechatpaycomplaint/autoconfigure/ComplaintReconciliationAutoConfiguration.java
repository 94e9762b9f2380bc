package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
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
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration for the reconciliation job
 * ({@code wechatpay.complaint.reconciliation.enabled=true}): it shares the notification
 * de-duplication store, creating it in applications that have no notification endpoint.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { ComplaintApiAutoConfiguration.class, ComplaintNotificationAutoConfiguration.class },
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration" })
@ConditionalOnBooleanProperty(name = ComplaintReconciliationProperties.PREFIX + ".enabled")
@ConditionalOnBean(WechatPayComplaintClient.class)
@EnableConfigurationProperties(ComplaintReconciliationProperties.class)
@Import(NotificationDeduplicationStoreConfigurations.class)
public final class ComplaintReconciliationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ComplaintReconciler complaintReconciler(ComplaintReconciliationProperties reconciliation,
			WechatPayComplaintClient client, NotificationDeduplicationStore store, ApplicationEventPublisher publisher,
			WechatPayMerchant merchant, ObjectProvider<Clock> clock) {
		return new ComplaintReconciler(client, store, publisher, clock.getIfUnique(Clock::systemUTC),
				merchant.getMerchantId(), reconciliation.getLookBackDays(), reconciliation.getLockLease());
	}

	@Bean
	@ConditionalOnMissingBean
	ReconciliationScheduler complaintReconciliationScheduler(ComplaintReconciliationProperties reconciliation,
			ComplaintReconciler reconciler) {
		return new ReconciliationScheduler(reconciler, reconciliation.getInitialDelay(), reconciliation.getInterval());
	}

}
