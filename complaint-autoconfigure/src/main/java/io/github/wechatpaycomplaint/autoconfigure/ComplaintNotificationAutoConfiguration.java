package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;

import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.merchant.WechatPayVerificationKeys;
import io.github.wechatpaycomplaint.notification.ComplaintNotificationEndpoint;
import io.github.wechatpaycomplaint.notification.ComplaintNotificationHandler;
import io.github.wechatpaycomplaint.notification.ComplaintNotificationObserver;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.NotificationParser;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Auto-configuration of the complaint notification endpoint in a servlet web application:
 * signature verification with the client's key lookup, decryption, de-duplication, and a
 * route at {@code wechatpay.complaint.notification.path}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ComplaintClientAutoConfiguration.class,
		afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBooleanProperty(name = ComplaintNotificationAutoConfiguration.ENABLED, matchIfMissing = true)
@ConditionalOnBean({ WechatPayMerchant.class, WechatPayVerificationKeys.class })
@EnableConfigurationProperties({ ComplaintNotificationProperties.class, NotificationDeduplicationProperties.class })
@Import(NotificationDeduplicationStoreConfigurations.class)
public final class ComplaintNotificationAutoConfiguration {

	static final String ENABLED = ComplaintNotificationProperties.PREFIX + ".enabled";

	/** Name of the route bean; define a bean with this name to replace the route. */
	public static final String ROUTER_BEAN_NAME = "complaintNotificationRouter";

	// Checked here, where the clock skew and the de-duplication durations are both bound:
	// together they decide
	// whether a replayed notification can be handled twice.
	ComplaintNotificationAutoConfiguration(ComplaintNotificationProperties notification,
			NotificationDeduplicationProperties deduplication) {
		ComplaintDurationChecks.checkDeduplicationWindow(notification, deduplication);
	}

	@Bean
	@ConditionalOnMissingBean
	ComplaintNotificationHandler complaintNotificationHandler(ComplaintNotificationProperties notification,
			NotificationDeduplicationProperties deduplication, WechatPayMerchant merchant,
			WechatPayVerificationKeys verificationKeys, NotificationDeduplicationStore store,
			ApplicationEventPublisher publisher, ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<Clock> clock) {
		// The keys' own lookup never waits for a certificate download: anyone can send a
		// notification.
		NotificationParser parser = new NotificationParser(jsonMapper.getIfAvailable(JsonMapper::new), merchant);
		return new ComplaintNotificationHandler(verificationKeys, clock.getIfUnique(Clock::systemUTC),
				notification.getMaxClockSkew(), parser, store, publisher, deduplication.getProcessingLease(),
				deduplication.getTimeToLive());
	}

	@Bean
	@ConditionalOnMissingBean
	ComplaintNotificationEndpoint complaintNotificationEndpoint(ComplaintNotificationProperties properties,
			ComplaintNotificationHandler handler, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<ComplaintNotificationObserver> observers, ObjectProvider<Clock> clock) {
		return new ComplaintNotificationEndpoint(handler, properties.getMaxBodySize().toBytes(),
				jsonMapper.getIfAvailable(JsonMapper::new), observers.orderedStream().toList(),
				clock.getIfUnique(Clock::systemUTC));
	}

	@Bean(ROUTER_BEAN_NAME)
	@ConditionalOnMissingBean(name = ROUTER_BEAN_NAME)
	RouterFunction<ServerResponse> complaintNotificationRouter(ComplaintNotificationProperties properties,
			ComplaintNotificationEndpoint endpoint) {
		// Every method is routed here, so that anything but POST gets a 405 answer from
		// the endpoint.
		return RouterFunctions.route(RequestPredicates.path(properties.getPath()), endpoint::handle);
	}

	// Fails startup, before the web server takes requests, when another handler also maps
	// the path for POST.
	@Bean
	@ConditionalOnMissingBean
	NotificationPathCollisionCheck complaintNotificationPathCollisionCheck(ComplaintNotificationProperties properties,
			ListableBeanFactory beanFactory) {
		return new NotificationPathCollisionCheck(properties.getPath(), beanFactory);
	}

}
