package io.github.wechatpaycomplaint.observability;

import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintApiAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintObservabilityAutoConfiguration;
import io.github.wechatpaycomplaint.client.WechatPayApiException;
import io.github.wechatpaycomplaint.client.WechatPayWriteOutcomeUnknownException;
import io.github.wechatpaycomplaint.crypto.SignatureVerificationException;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * API calls are timed by operation and outcome with low-cardinality tags, and every
 * failed call is logged once with its Request-ID and nothing personal.
 */
@ExtendWith(OutputCaptureExtension.class)
class ComplaintApiMetricsTests {

	// The Request-ID the stand-in's signing key (the simulator's) sends with each answer.
	private static final String REQUEST_ID = "\\(Request-ID: 08[0-9A-F]{24}-SIM\\)";

	private static final String COMPLAINT = "200201820200101080076610000";

	private static final String DETAIL = "/v3/merchant-service/complaints-v2/" + COMPLAINT;

	private static final String ERROR = "{\"code\":\"PARAM_ERROR\",\"message\":\"手机号 13800138000 不合法\"}";

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final ApplicationContextRunner runner = this.wechatPay.clientContextRunner()
		.withConfiguration(AutoConfigurations.of(ComplaintApiAutoConfiguration.class,
				ComplaintObservabilityAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("wechatpay.complaint.client.retry.max-attempts=1");

	@Test
	void timesASuccessfulCallByOperation() {
		this.wechatPay.stub(get(urlPathEqualTo(DETAIL))
			.willReturn(this.wechatPay.signedAnswer(200, "{\"complaint_id\":\"" + COMPLAINT + "\"}")));
		this.runner.run((context) -> {
			context.getBean(WechatPayComplaintClient.class).getComplaint(COMPLAINT);
			Timer timer = context.getBean(MeterRegistry.class)
				.get(ComplaintApiMetricsInterceptor.METRIC_NAME)
				.tags("operation", "DETAIL", "outcome", "SUCCESS", "status", "2xx", "code", "NONE")
				.timer();
			assertThat(timer.count()).isEqualTo(1);
			assertNoTagCarries(context.getBean(MeterRegistry.class), COMPLAINT);
		});
	}

	@Test
	void timesAnErrorAnswerWithItsCodeAndLogsItOnceWithTheRequestId(CapturedOutput output) {
		this.wechatPay.stub(get(urlPathEqualTo(DETAIL)).willReturn(this.wechatPay.signedAnswer(400, ERROR)));
		this.runner.run((context) -> {
			assertThatExceptionOfType(WechatPayApiException.class)
				.isThrownBy(() -> context.getBean(WechatPayComplaintClient.class).getComplaint(COMPLAINT));
			assertThat(context.getBean(MeterRegistry.class)
				.get(ComplaintApiMetricsInterceptor.METRIC_NAME)
				.tags("operation", "DETAIL", "outcome", "CLIENT_ERROR", "status", "4xx", "code", "PARAM_ERROR")
				.timer()
				.count()).isEqualTo(1);
		});
		List<String> lines = output.getAll().lines().filter((line) -> line.contains("WeChat Pay call failed")).toList();
		assertThat(lines).singleElement().satisfies((line) -> {
			assertThat(line).contains("WARN", "GET " + DETAIL, "400 PARAM_ERROR").containsPattern(REQUEST_ID);
			assertThat(line).doesNotContain("13800138000").doesNotContain("手机号");
		});
	}

	@Test
	void warnsOfAMissingComplaint(CapturedOutput output) {
		// Only the notification URL query takes RESOURCE_NOT_EXISTS as "nothing
		// registered"; elsewhere it is a failure.
		this.wechatPay.stub(get(urlPathEqualTo(DETAIL))
			.willReturn(this.wechatPay.signedAnswer(404, "{\"code\":\"RESOURCE_NOT_EXISTS\",\"message\":\"不存在\"}")));
		this.runner.run((context) -> assertThatExceptionOfType(WechatPayApiException.class)
			.isThrownBy(() -> context.getBean(WechatPayComplaintClient.class).getComplaint(COMPLAINT)));
		assertThat(output.getAll().lines().filter((line) -> line.contains("WeChat Pay call failed")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("WARN", "404 RESOURCE_NOT_EXISTS");
	}

	@Test
	void logsAQueryWithoutItsValues(CapturedOutput output) {
		this.wechatPay.stub(get(urlPathEqualTo("/v3/merchant-service/complaints-v2"))
			.willReturn(this.wechatPay.signedAnswer(429, "{\"code\":\"SOMETHING_NEW\",\"message\":\"slow down\"}")));
		this.runner.run((context) -> {
			assertThatExceptionOfType(WechatPayApiException.class)
				.isThrownBy(() -> context.getBean(WechatPayComplaintClient.class)
					.listComplaints(io.github.wechatpaycomplaint.model.request.ComplaintListQuery
						.between(java.time.LocalDate.now().minusDays(3), java.time.LocalDate.now())
						.complaintedMchid("1900009999")));
			assertThat(context.getBean(MeterRegistry.class)
				.get(ComplaintApiMetricsInterceptor.METRIC_NAME)
				.tags("operation", "LIST", "outcome", "CLIENT_ERROR", "code", "OTHER")
				.timer()
				.count()).isEqualTo(1);
		});
		assertThat(output.getAll()).contains("GET /v3/merchant-service/complaints-v2 -> 429 SOMETHING_NEW")
			.containsPattern(REQUEST_ID)
			.doesNotContain("1900009999")
			.doesNotContain("begin_date");
	}

	@Test
	void timesAndLogsAForgedAnswer(CapturedOutput output) {
		this.wechatPay.stub(get(urlPathEqualTo(DETAIL)).willReturn(WechatPayStandIn.answer(200, "{}",
				this.wechatPay.signer().answerHeaders("{\"other\":1}", java.time.Instant.now().getEpochSecond()))));
		this.runner.run((context) -> {
			assertThatExceptionOfType(SignatureVerificationException.class)
				.isThrownBy(() -> context.getBean(WechatPayComplaintClient.class).getComplaint(COMPLAINT));
			assertThat(context.getBean(MeterRegistry.class)
				.get(ComplaintApiMetricsInterceptor.METRIC_NAME)
				.tags("operation", "DETAIL", "outcome", "INVALID_SIGNATURE")
				.timer()
				.count()).isEqualTo(1);
		});
		assertThat(output.getAll().lines().filter((line) -> line.contains("WeChat Pay answer refused"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN", "INVALID_SIGNATURE").containsPattern(REQUEST_ID));
	}

	@Test
	void timesAWriteLostAfterSendingAsAnIoError() {
		this.wechatPay.stub(post(urlPathEqualTo(DETAIL + "/complete"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		this.runner.withPropertyValues("wechatpay.complaint.client.failover.enabled=false").run((context) -> {
			assertThatExceptionOfType(WechatPayWriteOutcomeUnknownException.class)
				.isThrownBy(() -> context.getBean(WechatPayComplaintClient.class).complete(COMPLAINT, "1900000001"));
			assertThat(context.getBean(MeterRegistry.class)
				.get(ComplaintApiMetricsInterceptor.METRIC_NAME)
				.tags("operation", "COMPLETE", "outcome", "IO_ERROR")
				.timer()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void recordsNothingWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ComplaintClientAutoConfiguration.class,
					ComplaintApiAutoConfiguration.class, ComplaintObservabilityAutoConfiguration.class))
			.withPropertyValues(this.wechatPay.publicKeyModeProperties())
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ComplaintNotificationMetrics.class)
				.doesNotHaveBean("wechatPayComplaintMetricsCustomizer"));
	}

	private static void assertNoTagCarries(MeterRegistry registry, String value) {
		for (Meter meter : registry.getMeters()) {
			for (Tag tag : meter.getId().getTags()) {
				assertThat(tag.getValue()).doesNotContain(value);
			}
		}
	}

}
