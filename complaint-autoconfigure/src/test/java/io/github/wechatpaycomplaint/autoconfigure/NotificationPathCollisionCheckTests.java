package io.github.wechatpaycomplaint.autoconfigure;

import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import static io.github.wechatpaycomplaint.autoconfigure.StartupFailureAssertions.assertInvalidProperty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another handler for POST at {@code notification.path}, or one segment under it (the
 * merchants' paths), stops startup; a pattern that also matches it is a warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationPathCollisionCheckTests {

	private static final String PATH_PROPERTY = "wechatpay.complaint.notification.path";

	private final WebApplicationContextRunner runner = NotificationContexts.webRunner();

	@Test
	void aPostMappingAtTheSamePathStopsStartup() {
		this.runner.withUserConfiguration(PostController.class).run((context) -> {
			InvalidComplaintPropertyException ex = assertInvalidProperty(context, PATH_PROPERTY);
			assertThat(ex.getProblem()).contains(NotificationContexts.PATH, "PostController#receive");
			assertThat(ex.getAction()).contains(PATH_PROPERTY, "wechatpay.complaint.notification.enabled=false");
		});
	}

	@Test
	void aRequestMappingForEveryMethodAtTheSamePathStopsStartup() {
		this.runner.withUserConfiguration(AnyMethodController.class)
			.run((context) -> assertThat(assertInvalidProperty(context, PATH_PROPERTY).getProblem())
				.contains("AnyMethodController#receive"));
	}

	@Test
	void anotherRouterFunctionAtTheSamePathStopsStartupAlsoWhenNested() {
		this.runner.withUserConfiguration(PostRouterConfiguration.class)
			.run((context) -> assertThat(assertInvalidProperty(context, PATH_PROPERTY).getProblem())
				.contains("RouterFunction bean 'paymentRoutes'"));
		this.runner.withUserConfiguration(NestedRouterConfiguration.class)
			.run((context) -> assertThat(assertInvalidProperty(context, PATH_PROPERTY).getProblem())
				.contains("RouterFunction bean 'nestedRoutes'"));
	}

	@Test
	void aHandlerBeanNamedAfterThePathStopsStartup() {
		this.runner.withBean(NotificationContexts.PATH, HttpRequestHandler.class, () -> (request, response) -> {
		}).run((context) -> assertThat(assertInvalidProperty(context, PATH_PROPERTY).getProblem()).contains("handler"));
	}

	@Test
	void getOnlyHandlersAndOtherPathsAreFine(CapturedOutput output) {
		this.runner
			.withUserConfiguration(GetController.class, GetRouterConfiguration.class, ViewControllerConfiguration.class,
					HeaderRouterConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed());
		this.runner.withUserConfiguration(PostController.class)
			.withPropertyValues(PATH_PROPERTY + "=/wechatpay/complaints/notify")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("is also matched by the pattern");
	}

	@Test
	void aHandlerForOtherMethodsAtTheSamePathIsAWarning(CapturedOutput output) {
		// The starter's route takes every method at the path (405 for anything but POST):
		// such handlers are dead.
		this.runner.withUserConfiguration(GetController.class).run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).containsOnlyOnce("is also mapped, for other methods than POST, by")
			.contains("WARN", PATH_PROPERTY, "GetController#receive", "answers anything but POST with 405");
	}

	@Test
	void aViewControllerAtTheSamePathIsAWarning(CapturedOutput output) {
		this.runner.withUserConfiguration(ViewControllerConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("is also mapped, for other methods than POST, by", "ParameterizableViewController");
	}

	@Test
	void handlersForOtherMethodsUnderOtherPatternsAreNotReported(CapturedOutput output) {
		this.runner.withUserConfiguration(GetPatternController.class)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("is also mapped").doesNotContain("is also matched by the pattern");
	}

	@Test
	void aPatternThatAlsoMatchesIsOnlyAWarning(CapturedOutput output) {
		this.runner.withUserConfiguration(PatternController.class).run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("WARN", PATH_PROPERTY, "'/wechatpay/{kind}'", "PatternController#receive");
	}

	@Test
	void catchAllMappingsAreNotReported(CapturedOutput output) {
		this.runner.withUserConfiguration(CatchAllController.class)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("is also matched by the pattern");
	}

	@Test
	void aReplacedNotificationRouteIsNotACollisionWithItself() {
		this.runner
			.withBean(ComplaintNotificationAutoConfiguration.ROUTER_BEAN_NAME, RouterFunction.class,
					() -> RouterFunctions.route(RequestPredicates.POST(NotificationContexts.PATH),
							(request) -> ServerResponse.noContent().build()))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aPostMappingAtAMerchantsPathOrOneSegmentUnderThePathStopsStartup() {
		this.runner.withUserConfiguration(MerchantPathController.class)
			.run((context) -> assertThat(assertInvalidProperty(context, PATH_PROPERTY).getProblem())
				.contains(NotificationContexts.PATH + "/{merchant}", "MerchantPathController#receive"));
		this.runner.withUserConfiguration(SegmentController.class)
			.run((context) -> assertThat(assertInvalidProperty(context, PATH_PROPERTY).getProblem())
				.contains(NotificationContexts.PATH + "/status", NotificationContexts.PATH + "/{id}"));
		this.runner.withUserConfiguration(SegmentRouterConfiguration.class)
			.run((context) -> assertThat(assertInvalidProperty(context, PATH_PROPERTY).getProblem())
				.contains("RouterFunction bean 'segmentRoutes'", NotificationContexts.PATH + "/{kind}"));
	}

	@Test
	void deeperPathsUnderThePathAreFine(CapturedOutput output) {
		this.runner.withUserConfiguration(DeeperController.class).run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("is also matched by the pattern");
	}

	@Test
	void theFailureAnalysisNamesThePropertyAndTheFix() {
		InvalidComplaintPropertyException ex = new InvalidComplaintPropertyException(PATH_PROPERTY,
				"'/x' is also mapped for POST by A#b()", "Set it elsewhere");
		FailureAnalysis analysis = new InvalidComplaintPropertyFailureAnalyzer().analyze(ex);
		assertThat(analysis.getDescription()).contains(PATH_PROPERTY, "A#b()");
		assertThat(analysis.getAction()).isEqualTo("Set it elsewhere");
	}

	@RestController
	static class MerchantPathController {

		@PostMapping(NotificationContexts.PATH + "/default")
		String receive() {
			return "";
		}

	}

	@RestController
	static class SegmentController {

		@PostMapping(NotificationContexts.PATH + "/status")
		String status() {
			return "";
		}

		@PostMapping(NotificationContexts.PATH + "/{id}")
		String byId() {
			return "";
		}

	}

	@RestController
	static class DeeperController {

		@PostMapping(NotificationContexts.PATH + "/archive/{id}")
		String receive() {
			return "";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SegmentRouterConfiguration {

		@Bean
		RouterFunction<ServerResponse> segmentRoutes() {
			return RouterFunctions.route()
				.POST(NotificationContexts.PATH + "/{kind}", (request) -> ServerResponse.ok().build())
				.build();
		}

	}

	@RestController
	static class GetPatternController {

		@GetMapping("/wechatpay/{kind}")
		String receive() {
			return "";
		}

	}

	@RestController
	static class PostController {

		@PostMapping(NotificationContexts.PATH)
		String receive() {
			return "";
		}

	}

	@RestController
	static class AnyMethodController {

		@RequestMapping(NotificationContexts.PATH)
		String receive() {
			return "";
		}

	}

	@RestController
	static class GetController {

		@GetMapping(NotificationContexts.PATH)
		String receive() {
			return "";
		}

	}

	@RestController
	static class PatternController {

		@PostMapping("/wechatpay/{kind}")
		String receive() {
			return "";
		}

	}

	@RestController
	static class CatchAllController {

		@RequestMapping("/**")
		String receive() {
			return "";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PostRouterConfiguration {

		@Bean
		RouterFunction<ServerResponse> paymentRoutes() {
			return RouterFunctions.route()
				.POST("/wechatpay/pay-notifications", (request) -> ServerResponse.ok().build())
				.POST(NotificationContexts.PATH, (request) -> ServerResponse.ok().build())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NestedRouterConfiguration {

		@Bean
		RouterFunction<ServerResponse> nestedRoutes() {
			return RouterFunctions.route()
				.path("/wechatpay",
						(builder) -> builder.POST("/complaint-notifications", (request) -> ServerResponse.ok().build()))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class GetRouterConfiguration {

		@Bean
		RouterFunction<ServerResponse> getRoutes() {
			return RouterFunctions.route()
				.GET(NotificationContexts.PATH, (request) -> ServerResponse.ok().build())
				.POST("/wechatpay/complaint-notifications/other", (request) -> ServerResponse.ok().build())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HeaderRouterConfiguration {

		// Depends on a header: cannot be judged without a request, so it is not reported.
		@Bean
		RouterFunction<ServerResponse> headerRoutes() {
			return RouterFunctions.route(
					RequestPredicates.POST(NotificationContexts.PATH)
						.and(RequestPredicates.headers((headers) -> headers.firstHeader("X-Legacy") != null)),
					(request) -> ServerResponse.ok().build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ViewControllerConfiguration implements WebMvcConfigurer {

		@Override
		public void addViewControllers(ViewControllerRegistry registry) {
			registry.addStatusController(NotificationContexts.PATH, org.springframework.http.HttpStatus.GONE);
		}

	}

}
