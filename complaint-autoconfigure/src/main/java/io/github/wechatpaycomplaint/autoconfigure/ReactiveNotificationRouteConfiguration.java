package io.github.wechatpaycomplaint.autoconfigure;

import io.github.wechatpaycomplaint.notification.NotificationRequestProcessor;
import io.github.wechatpaycomplaint.notification.reactive.ReactiveComplaintNotificationEndpoint;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The notification route of a reactive application: a WebFlux functional route, with the
 * same paths as on Spring MVC, to {@link ReactiveComplaintNotificationEndpoint}. Other
 * WebFlux handlers of the same paths are not looked for (the servlet side's
 * {@link NotificationPathCollisionCheck} reads Spring MVC's handler mappings).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass(RouterFunction.class)
class ReactiveNotificationRouteConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ReactiveComplaintNotificationEndpoint reactiveComplaintNotificationEndpoint(
			NotificationRequestProcessor processor) {
		return new ReactiveComplaintNotificationEndpoint(processor);
	}

	@Bean(ComplaintNotificationAutoConfiguration.ROUTER_BEAN_NAME)
	@ConditionalOnMissingBean(name = ComplaintNotificationAutoConfiguration.ROUTER_BEAN_NAME)
	RouterFunction<ServerResponse> complaintNotificationRouter(ComplaintNotificationProperties properties,
			ReactiveComplaintNotificationEndpoint endpoint) {
		// Every method is routed here, as on Spring MVC: anything but POST gets a 405.
		NotificationPaths paths = new NotificationPaths(properties.getPath());
		return RouterFunctions.route(RequestPredicates.path(paths.shared()), endpoint::handle)
			.andRoute(RequestPredicates.path(paths.merchantPattern()), endpoint::handleForMerchant);
	}

}
