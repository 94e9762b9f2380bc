package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.wechatpaycomplaint.notification.ComplaintNotificationEndpoint;
import io.github.wechatpaycomplaint.notification.ComplaintNotificationHandler;
import io.github.wechatpaycomplaint.notification.NotificationRequestProcessor;
import io.github.wechatpaycomplaint.notification.reactive.ReactiveComplaintNotificationEndpoint;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;
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
	void theEndpointReadsABodyWithinTheConfiguredTimeout() {
		this.runner.withPropertyValues("wechatpay.complaint.notification.reactive.body-read-timeout=100ms")
			.run((context) -> assertThat(
					status(context.getBean(ReactiveComplaintNotificationEndpoint.class), Flux.<DataBuffer>never()))
				.isEqualTo(400));
	}

	@Test
	void theEndpointsThreadsAreItsOwnAndEndWithTheContext() {
		AtomicReference<ReactiveComplaintNotificationEndpoint> endpoint = new AtomicReference<>();
		long now = Instant.now().getEpochSecond();
		this.runner.run((context) -> endpoint.set(context.getBean(ReactiveComplaintNotificationEndpoint.class)));
		// Its scheduler was disposed with the context: a genuine delivery, verified on
		// the
		// calling thread, finds nothing to run its listeners on any more.
		SignedNotification notification = NotificationContexts.notificationWithVectorKeys(now).build();
		MockServerRequest.Builder request = MockServerRequest.builder()
			.method(HttpMethod.POST)
			.header("Content-Type", MediaType.APPLICATION_JSON_VALUE);
		notification.headers().forEach(request::header);
		MockServerRequest signed = request
			.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(notification.body())));
		assertThat(endpoint.get().handle(signed).block(Duration.ofSeconds(5)).statusCode().value()).isEqualTo(503);
	}

	@Test
	void threadsMustBeAtLeastOne() {
		this.runner.withPropertyValues("wechatpay.complaint.notification.reactive.threads=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("wechatpay.complaint.notification.reactive.threads"));
	}

	private static int status(ReactiveComplaintNotificationEndpoint endpoint, Flux<DataBuffer> body) {
		MockServerRequest request = MockServerRequest.builder()
			.method(HttpMethod.POST)
			.header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
			.body(body);
		return endpoint.handle(request).block(Duration.ofSeconds(5)).statusCode().value();
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
