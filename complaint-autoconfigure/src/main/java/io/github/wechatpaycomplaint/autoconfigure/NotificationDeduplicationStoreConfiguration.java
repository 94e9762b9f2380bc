package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;

import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The de-duplication store chosen by {@code wechatpay.complaint.notification.deduplication.store}, shared by the
 * notification endpoint and the reconciliation job (imported by both, registered once).
 */
@Configuration(proxyBeanMethods = false)
class NotificationDeduplicationStoreConfiguration {

	@Bean
	@ConditionalOnMissingBean
	NotificationDeduplicationStore complaintNotificationDeduplicationStore(ComplaintProperties properties,
			BeanFactory beanFactory, ObjectProvider<Clock> clock) {
		return new NotificationDeduplicationStoreFactory(beanFactory, clock.getIfUnique(Clock::systemUTC))
			.create(properties.getNotification().getDeduplication());
	}

}
