package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;
import java.util.List;

import io.github.wechatpaycomplaint.notification.ComplaintNotificationEndpoint;
import io.github.wechatpaycomplaint.notification.ComplaintNotificationHandler;
import io.github.wechatpaycomplaint.notification.NotificationRequestProcessor;
import io.github.wechatpaycomplaint.notification.reactive.ReactiveComplaintNotificationEndpoint;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification endpoint of a reactive application: a WebFlux route over the same
 * processor as on Spring MVC, and nothing of Spring MVC.
 */
class ReactiveNotificationRouteConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = NotificationContexts.reactiveRunner();

	@Test
	void registersAWebFluxRouteToTheReactiveEndpoint() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(NotificationRequestProcessor.class)
				.hasSingleBean(ReactiveComplaintNotificationEndpoint.class)
				.doesNotHaveBean(ComplaintNotificationEndpoint.class)
				.doesNotHaveBean(NotificationPathCollisionCheck.class);
			assertThat(context.getBean(ComplaintNotificationAutoConfiguration.ROUTER_BEAN_NAME))
				.isInstanceOf(RouterFunction.class);
		});
	}

	@Test
	void aServletApplicationGetsNoReactiveEndpoint() {
		NotificationContexts.webRunner()
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ComplaintNotificationEndpoint.class)
				.doesNotHaveBean(ReactiveComplaintNotificationEndpoint.class)
				.getBean(ComplaintNotificationAutoConfiguration.ROUTER_BEAN_NAME)
				.isInstanceOf(org.springframework.web.servlet.function.RouterFunction.class));
	}

	@Test
	void noRouteWithoutWebFlux() {
		this.runner.withClassLoader(new FilteredClassLoader(RouterFunction.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ComplaintNotificationHandler.class)
				.doesNotHaveBean(ReactiveComplaintNotificationEndpoint.class)
				.doesNotHaveBean(ComplaintNotificationAutoConfiguration.ROUTER_BEAN_NAME));
	}

	@Test
	void noEndpointWhenDisabled() {
		this.runner.withPropertyValues("wechatpay.complaint.notification.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(NotificationRequestProcessor.class)
				.doesNotHaveBean(ReactiveComplaintNotificationEndpoint.class));
	}

	@Test
	void backsOffFromAUserEndpoint() {
		this.runner.withUserConfiguration(UserEndpointConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ReactiveComplaintNotificationEndpoint.class)
				.hasBean("userEndpoint"));
	}

	@Test
	void backsOffFromAUserProcessorAndServesIt() {
		this.runner.withUserConfiguration(UserProcessorConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(NotificationRequestProcessor.class);
			assertThat(context.getBean(NotificationRequestProcessor.class).maxBodySize()).isEqualTo(1234);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserEndpointConfiguration {

		@Bean
		ReactiveComplaintNotificationEndpoint userEndpoint(NotificationRequestProcessor processor) {
			return new ReactiveComplaintNotificationEndpoint(processor, Schedulers.boundedElastic());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserProcessorConfiguration {

		@Bean
		NotificationRequestProcessor userProcessor(ComplaintNotificationHandler handler) {
			return new NotificationRequestProcessor(handler, 1234, new JsonMapper(), List.of(), Clock.systemUTC());
		}

	}

}
