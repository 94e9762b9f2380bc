package io.github.wechatpaycomplaint.registration;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintApiAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintObservabilityAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintRegistrationAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.InvalidComplaintPropertyException;
import io.github.wechatpaycomplaint.observability.ComplaintHealthIndicator;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The notification URL is registered at startup: created when there is none, updated when
 * it differs, left alone when it is the same; a failure is logged, or stops the
 * application when asked to.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationUrlRegistrationTests {

	private static final String PATH = "/v3/merchant-service/complaint-notifications";

	private static final String URL = "https://pay.example.com/wechatpay/complaint-notifications";

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final ApplicationContextRunner runner = this.wechatPay.clientContextRunner()
		.withConfiguration(AutoConfigurations.of(ComplaintApiAutoConfiguration.class,
				ComplaintRegistrationAutoConfiguration.class))
		.withPropertyValues("wechatpay.complaint.client.retry.max-attempts=1",
				"wechatpay.complaint.notification.register-on-startup=true",
				"wechatpay.complaint.notification.public-url=" + URL);

	@Test
	void createsTheUrlWhenNoneIsRegistered(CapturedOutput output) {
		stubQuery(400, "{\"code\":\"RESOURCE_NOT_EXISTS\",\"message\":\"不存在\"}");
		this.wechatPay.stub(post(urlEqualTo(PATH)).withRequestBody(equalToJson("{\"url\":\"" + URL + "\"}"))
			.willReturn(this.wechatPay.signedAnswer(200, registration(URL))));
		this.runner.run((context) -> assertThat(context.getBean(NotificationUrlRegistrar.class).register())
			.isEqualTo(NotificationUrlRegistrar.Action.CREATED));
		this.wechatPay.server().verify(1, postRequestedFor(urlEqualTo(PATH)));
		assertThat(output).contains("Registered the complaint notification URL " + URL)
			.doesNotContain("WeChat Pay call failed");
	}

	@Test
	void updatesTheUrlWhenAnotherIsRegistered(CapturedOutput output) {
		stubQuery(200, registration("https://old.example.com/notify"));
		this.wechatPay.stub(put(urlEqualTo(PATH)).withRequestBody(equalToJson("{\"url\":\"" + URL + "\"}"))
			.willReturn(this.wechatPay.signedAnswer(200, registration(URL))));
		this.runner.run((context) -> assertThat(context.getBean(NotificationUrlRegistrar.class).register())
			.isEqualTo(NotificationUrlRegistrar.Action.UPDATED));
		this.wechatPay.server().verify(1, putRequestedFor(urlEqualTo(PATH)));
		assertThat(output).contains("https://old.example.com/notify; changing it to " + URL)
			.contains("Updated the complaint notification URL");
	}

	@Test
	void leavesTheSameUrlAlone(CapturedOutput output) {
		stubQuery(200, registration(URL));
		this.runner.run((context) -> assertThat(context.getBean(NotificationUrlRegistrar.class).register())
			.isEqualTo(NotificationUrlRegistrar.Action.UNCHANGED));
		assertThat(this.wechatPay.requests()).hasSize(1);
		assertThat(output).contains("already " + URL);
	}

	@Test
	void logsAFailureAndKeepsRunning(CapturedOutput output) {
		stubQuery(403, "{\"code\":\"NO_AUTH\",\"message\":\"无权限\"}");
		this.runner.run((context) -> assertThat(context.getBean(NotificationUrlRegistrar.class).register())
			.isEqualTo(NotificationUrlRegistrar.Action.FAILED));
		assertThat(output).contains("Registering the complaint notification URL " + URL + " with WeChat Pay failed")
			.contains("NO_AUTH");
		assertThat(output.getAll().lines().filter((line) -> line.contains("WeChat Pay call failed")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("WARN", "GET " + PATH, "403 NO_AUTH");
	}

	@Test
	void healthShowsWhatTheRegistrationDid() {
		stubQuery(403, "{\"code\":\"NO_AUTH\",\"message\":\"无权限\"}");
		this.runner.withConfiguration(AutoConfigurations.of(ComplaintObservabilityAutoConfiguration.class))
			.run((context) -> {
				ComplaintHealthIndicator health = context.getBean(ComplaintHealthIndicator.class);
				assertThat(health.health(true).getDetails().get("notificationUrl"))
					.isEqualTo(java.util.Map.of("url", URL, "registration", "PENDING"));
				context.getBean(NotificationUrlRegistrar.class).register();
				assertThat(health.health(true).getDetails().get("notificationUrl"))
					.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.map(String.class, Object.class))
					.containsEntry("url", URL)
					.containsEntry("registration", "FAILED")
					.hasEntrySatisfying("error", (error) -> assertThat(error.toString()).contains("NO_AUTH"));
				stubQuery(200, registration(URL));
				context.getBean(NotificationUrlRegistrar.class).register();
				assertThat(health.health(true).getDetails().get("notificationUrl"))
					.isEqualTo(java.util.Map.of("url", URL, "registration", "UNCHANGED"));
			});
	}

	@Test
	void throwsOnFailureWhenAskedTo() {
		stubQuery(403, "{\"code\":\"NO_AUTH\",\"message\":\"无权限\"}");
		this.runner.withPropertyValues("wechatpay.complaint.notification.fail-on-registration-error=true")
			.run((context) -> assertThatExceptionOfType(NotificationUrlRegistrationException.class)
				.isThrownBy(() -> context.getBean(NotificationUrlRegistrar.class).register())
				.withMessageContaining(URL)
				.withMessageContaining("NO_AUTH"));
	}

	@Test
	void registersWhenTheApplicationIsReady() {
		stubQuery(200, registration(URL));
		try (ConfigurableApplicationContext context = application().run()) {
			assertThat(this.wechatPay.requests()).hasSize(1);
		}
	}

	@Test
	void stopsTheApplicationWithAClearMessageWhenAskedTo(CapturedOutput output) {
		stubQuery(403, "{\"code\":\"NO_AUTH\",\"message\":\"无权限\"}");
		SpringApplication application = application();
		assertThatExceptionOfType(NotificationUrlRegistrationException.class)
			.isThrownBy(() -> application.run("--wechatpay.complaint.notification.fail-on-registration-error=true"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("could not register the notification URL " + URL)
			.contains("fail-on-registration-error=false");
	}

	@Test
	void doesNothingWhenNotAsked() {
		this.runner.withPropertyValues("wechatpay.complaint.notification.register-on-startup=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NotificationUrlRegistrar.class));
		assertThat(this.wechatPay.requests()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://pay.example.com/notify", "https://pay.example.com/notify?shop=1",
			"https://pay.example.com/notify#x", "https://支付.例子.公司/notify", "pay.example.com/notify", " ",
			"https://user:secret@pay.example.com/notify", "https://pay example.com/notify" })
	void refusesAUrlWeChatPayWouldRefuse(String url) {
		this.runner.withPropertyValues("wechatpay.complaint.notification.public-url=" + url)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidComplaintPropertyException.class)
				.hasMessageContaining("wechatpay.complaint.notification.public-url"));
	}

	private SpringApplication application() {
		SpringApplication application = new SpringApplication(RegisteringApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();
		for (String property : this.wechatPay.publicKeyModeProperties()) {
			int equals = property.indexOf('=');
			properties.put(property.substring(0, equals), property.substring(equals + 1));
		}
		properties.put("wechatpay.complaint.client.retry.max-attempts", "1");
		properties.put("wechatpay.complaint.notification.register-on-startup", "true");
		properties.put("wechatpay.complaint.notification.public-url", URL);
		application.setDefaultProperties(properties);
		return application;
	}

	private void stubQuery(int status, String body) {
		this.wechatPay.stub(get(urlEqualTo(PATH)).willReturn(this.wechatPay.signedAnswer(status, body)));
	}

	private static String registration(String url) {
		return "{\"mchid\":\"" + WechatPayStandIn.MCHID + "\",\"url\":\"" + url + "\"}";
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
			ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
			ComplaintClientAutoConfiguration.class, ComplaintApiAutoConfiguration.class,
			ComplaintRegistrationAutoConfiguration.class })
	static class RegisteringApplication {

	}

}
