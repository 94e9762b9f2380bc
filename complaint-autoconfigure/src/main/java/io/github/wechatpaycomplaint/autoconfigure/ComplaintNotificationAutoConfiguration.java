package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;

import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.merchant.WechatPayVerificationKeys;
import io.github.wechatpaycomplaint.notification.ComplaintNotificationHandler;
import io.github.wechatpaycomplaint.notification.ComplaintNotificationObserver;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.NotificationMerchant;
import io.github.wechatpaycomplaint.notification.NotificationMerchants;
import io.github.wechatpaycomplaint.notification.NotificationRequestProcessor;
import io.github.wechatpaycomplaint.notification.SingleNotificationMerchants;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of the complaint notification endpoint in a web application:
 * signature verification with the key lookup of the merchant a notification is for,
 * decryption, de-duplication per merchant (one {@link NotificationRequestProcessor} for
 * both web stacks), and one route for {@code wechatpay.complaint.notification.path} (the
 * merchant named by {@code Wechatpay-Serial}) and {@code <path>/<name>} (the merchant of
 * that entry name): a Spring MVC route in a servlet application, a WebFlux route in a
 * reactive one (nothing without the functional routes of either stack). With
 * {@code wechatpay.complaint.notification.processing=durable} notifications are recorded
 * in an inbox and published by its workers ({@link NotificationInboxConfigurations}). It
 * needs the merchants: a {@link NotificationMerchants} bean, or the single merchant's
 * {@link WechatPayMerchant} and {@link WechatPayVerificationKeys}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ComplaintClientAutoConfiguration.class,
		afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration" })
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = ComplaintNotificationAutoConfiguration.ENABLED, matchIfMissing = true)
@Conditional({ ComplaintNotificationAutoConfiguration.OnRouterFunction.class,
		ComplaintNotificationAutoConfiguration.OnNotificationMerchants.class })
@EnableConfigurationProperties({ ComplaintNotificationProperties.class, NotificationDeduplicationProperties.class })
@Import({ NotificationDeduplicationStoreConfigurations.class, NotificationInboxConfigurations.class,
		ServletNotificationRouteConfiguration.class, ReactiveNotificationRouteConfiguration.class })
public final class ComplaintNotificationAutoConfiguration {

	static final String ENABLED = ComplaintNotificationProperties.PREFIX + ".enabled";

	/**
	 * Name of the route bean (a Spring MVC or a WebFlux {@code RouterFunction}); define a
	 * bean with this name to replace the route.
	 */
	public static final String ROUTER_BEAN_NAME = "complaintNotificationRouter";

	// Checked here, where the clock skew and the de-duplication durations are both bound:
	// together they decide
	// whether a replayed notification can be handled twice.
	ComplaintNotificationAutoConfiguration(ComplaintNotificationProperties notification,
			NotificationDeduplicationProperties deduplication) {
		ComplaintDurationChecks.checkDeduplicationWindow(notification, deduplication);
	}

	// The merchant of wechatpay.complaint.merchant.*, named "default"; the merchant
	// registry
	// of an application with several merchants defines its own.
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ WechatPayMerchant.class, WechatPayVerificationKeys.class })
	NotificationMerchants complaintNotificationMerchants(WechatPayMerchant merchant,
			WechatPayVerificationKeys verificationKeys) {
		// The keys' own lookup never waits for a certificate download: anyone can send a
		// notification.
		return new SingleNotificationMerchants(
				new NotificationMerchant(SingleNotificationMerchants.DEFAULT_NAME, verificationKeys, merchant));
	}

	@Bean
	@ConditionalOnMissingBean
	ComplaintNotificationHandler complaintNotificationHandler(ComplaintNotificationProperties notification,
			NotificationDeduplicationProperties deduplication, NotificationMerchants merchants,
			NotificationDeduplicationStore store, ApplicationEventPublisher publisher, ObjectProvider<Clock> clock,
			ObjectProvider<NotificationInbox> inbox) {
		// Durable processing records in the inbox instead of publishing in the request.
		NotificationInbox durable = (notification.getProcessing() == ComplaintNotificationProperties.Processing.DURABLE)
				? inbox.getObject() : null;
		return new ComplaintNotificationHandler(merchants, clock.getIfUnique(Clock::systemUTC),
				notification.getMaxClockSkew(), store, publisher, deduplication.getProcessingLease(),
				deduplication.getTimeToLive(), durable);
	}

	@Bean
	@ConditionalOnMissingBean
	NotificationRequestProcessor complaintNotificationRequestProcessor(ComplaintNotificationProperties properties,
			ComplaintNotificationHandler handler, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<ComplaintNotificationObserver> observers, ObjectProvider<Clock> clock) {
		return new NotificationRequestProcessor(handler, properties.getMaxBodySize().toBytes(),
				jsonMapper.getIfAvailable(JsonMapper::new), observers.orderedStream().toList(),
				clock.getIfUnique(Clock::systemUTC));
	}

	// Without functional routes of either stack (Jersey, a plain servlet) there would be
	// an endpoint and a de-duplication store with no route to them.
	static final class OnRouterFunction extends AnyNestedCondition {

		OnRouterFunction() {
			super(ConfigurationCondition.ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
		static final class SpringMvc {

		}

		@ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
		static final class WebFlux {

		}

	}

	static final class OnNotificationMerchants extends AnyNestedCondition {

		OnNotificationMerchants() {
			super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(NotificationMerchants.class)
		static final class Merchants {

		}

		@ConditionalOnBean({ WechatPayMerchant.class, WechatPayVerificationKeys.class })
		static final class SingleMerchant {

		}

	}

}
