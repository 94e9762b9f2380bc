package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;

import io.github.wechatpaycomplaint.notification.inbox.FailedNotifications;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;
import io.github.wechatpaycomplaint.observability.NotificationInboxEndpoint;
import io.github.wechatpaycomplaint.observability.NotificationInboxWebEndpointExtension;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the Actuator endpoint {@value NotificationInboxEndpoint#ID} of
 * durable processing, when Actuator is present and the endpoint is available (enabled and
 * exposed, which it is not by default).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ComplaintNotificationAutoConfiguration.class)
// By name: the condition annotation is itself missing without Actuator's
// auto-configuration, and would then be ignored rather than fail.
@ConditionalOnClass(name = ComplaintInboxEndpointAutoConfiguration.AVAILABLE_ENDPOINT_CONDITION)
@ConditionalOnBooleanProperty(name = ComplaintProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnProperty(name = NotificationInboxConfigurations.PROCESSING, havingValue = "durable")
public final class ComplaintInboxEndpointAutoConfiguration {

	static final String AVAILABLE_ENDPOINT_CONDITION = "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint";

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint(NotificationInboxEndpoint.class)
	@ConditionalOnBean({ FailedNotifications.class, NotificationInbox.class })
	NotificationInboxEndpoint wechatpayComplaintInboxEndpoint(FailedNotifications failed, NotificationInbox inbox,
			ObjectProvider<Clock> clock) {
		return new NotificationInboxEndpoint(failed, inbox, clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint(NotificationInboxEndpoint.class)
	@ConditionalOnBean(NotificationInboxEndpoint.class)
	NotificationInboxWebEndpointExtension wechatpayComplaintInboxWebEndpointExtension(
			NotificationInboxEndpoint endpoint) {
		return new NotificationInboxWebEndpointExtension(endpoint);
	}

}
