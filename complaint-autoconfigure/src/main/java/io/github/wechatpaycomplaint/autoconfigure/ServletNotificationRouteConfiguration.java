package io.github.wechatpaycomplaint.autoconfigure;

import io.github.wechatpaycomplaint.notification.ComplaintNotificationEndpoint;
import io.github.wechatpaycomplaint.notification.NotificationMerchants;
import io.github.wechatpaycomplaint.notification.NotificationRequestProcessor;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The notification route of a servlet application: a Spring MVC functional route to
 * {@link ComplaintNotificationEndpoint}, and the check that nothing else maps its paths.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
class ServletNotificationRouteConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ComplaintNotificationEndpoint complaintNotificationEndpoint(NotificationRequestProcessor processor) {
		return new ComplaintNotificationEndpoint(processor);
	}

	@Bean(ComplaintNotificationAutoConfiguration.ROUTER_BEAN_NAME)
	@ConditionalOnMissingBean(name = ComplaintNotificationAutoConfiguration.ROUTER_BEAN_NAME)
	RouterFunction<ServerResponse> complaintNotificationRouter(ComplaintNotificationProperties properties,
			ComplaintNotificationEndpoint endpoint) {
		// Every method is routed here, so that anything but POST gets a 405 answer from
		// the endpoint; a name of no merchant gets a 404 answer from it.
		NotificationPaths paths = new NotificationPaths(properties.getPath());
		return RouterFunctions.route(RequestPredicates.path(paths.shared()), endpoint::handle)
			.andRoute(RequestPredicates.path(paths.merchantPattern()), endpoint::handleForMerchant);
	}

	// Fails startup, before the web server takes requests, when another handler also maps
	// the shared path or a merchant's path for POST.
	@Bean
	@ConditionalOnMissingBean
	NotificationPathCollisionCheck complaintNotificationPathCollisionCheck(ComplaintNotificationProperties properties,
			NotificationMerchants merchants, ListableBeanFactory beanFactory) {
		return new NotificationPathCollisionCheck(new NotificationPaths(properties.getPath()), merchants, beanFactory);
	}

}
