package io.github.wechatpaycomplaint.resilience;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.client.WechatPayApiException;
import io.github.wechatpaycomplaint.client.WechatPayComplaintRestClient;
import io.github.wechatpaycomplaint.client.WechatPayWriteOutcomeUnknownException;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Failover to the backup host and retries, against WireMock: the main host down,
 * connection resets, 5xx and 429.
 */
class ResilienceTests {

	private static final String LIST = "/v3/merchant-service/complaints-v2";

	private static final String COMPLAINT = "/v3/merchant-service/complaints-v2/200201820200101080076610000";

	private static final String COMPLETE = COMPLAINT + "/complete";

	private static final String NOTIFICATIONS = "/v3/merchant-service/complaint-notifications";

	private static final String ANSWER = "{\"data\":[],\"limit\":10,\"offset\":0}";

	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final WireMockServer backup = new WireMockServer(options().dynamicPort());

	private final ApplicationContextRunner contextRunner;

	ResilienceTests() {
		this.backup.start();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
					ComplaintClientAutoConfiguration.class))
			.withPropertyValues(this.wechatPay.publicKeyModeProperties())
			.withPropertyValues(
					"wechatpay.complaint.client.failover.backup-base-uri=http://localhost:" + this.backup.port(),
					"wechatpay.complaint.client.retry.initial-backoff=50ms",
					"wechatpay.complaint.client.retry.max-backoff=2s",
					"wechatpay.complaint.client.rate-limit.enabled=false");
	}

	@AfterEach
	void stop() {
		this.wechatPay.close();
		this.backup.stop();
	}

	@Test
	void aReadSucceedsOnTheBackupWhenTheMainHostIsDown() throws IOException {
		this.backup.stubFor(get(urlPathEqualTo(LIST)).willReturn(this.wechatPay.signedAnswer(200, ANSWER)));
		this.contextRunner.withPropertyValues("wechatpay.complaint.client.base-uri=http://localhost:" + closedPort())
			.run((context) -> {
				assertThat(list(context)).isEqualTo(ANSWER);
				List<LoggedRequest> received = this.backup.findAll(anyRequestedFor(anyUrl()));
				assertThat(received).hasSize(1);
				this.wechatPay.assertSignedByMerchant(received.get(0));
			});
	}

	@Test
	void aWriteThatNeverReachedTheMainHostIsSentOnceToTheBackup() throws IOException {
		this.backup.stubFor(post(urlPathEqualTo(COMPLETE)).willReturn(this.wechatPay.signedAnswer(204, "")));
		this.contextRunner.withPropertyValues("wechatpay.complaint.client.base-uri=http://localhost:" + closedPort())
			.run((context) -> {
				complete(context);
				assertThat(this.backup.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
			});
	}

	@Test
	void whenBothHostsAreDownTheBackupFailureIsThrownWithTheMainOneSuppressed() throws IOException {
		int mainPort = closedPort();
		int backupPort = closedPort();
		this.contextRunner
			.withPropertyValues("wechatpay.complaint.client.base-uri=http://localhost:" + mainPort,
					"wechatpay.complaint.client.failover.backup-base-uri=http://localhost:" + backupPort,
					"wechatpay.complaint.client.retry.max-attempts=1")
			.run((context) -> assertThatExceptionOfType(ResourceAccessException.class).isThrownBy(() -> list(context))
				.satisfies((ex) -> {
					assertThat(ex.getCause()).isInstanceOf(IOException.class);
					assertThat(ex.getCause().getSuppressed()).singleElement().isInstanceOf(IOException.class);
				}));
	}

	@Test
	void aWriteWhoseConnectionWasResetAfterSendingIsNotRepeated() {
		this.wechatPay
			.stub(post(urlPathEqualTo(COMPLETE)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		this.backup.stubFor(post(urlPathEqualTo(COMPLETE)).willReturn(this.wechatPay.signedAnswer(204, "")));
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(WechatPayWriteOutcomeUnknownException.class).isThrownBy(() -> complete(context));
			assertThat(this.wechatPay.requests()).hasSize(1);
			assertThat(this.backup.findAll(anyRequestedFor(anyUrl()))).isEmpty();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST " + COMPLAINT + "/response", "POST " + COMPLETE,
			"POST " + COMPLAINT + "/update-refund-progress", "POST " + NOTIFICATIONS, "PUT " + NOTIFICATIONS })
	void aWriteResetAfterSendingIsAnUnknownOutcome(String write) {
		stubWrite(write, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		this.contextRunner.run((context) -> assertUnknownOutcome(context, write));
		assertThat(this.wechatPay.requests()).hasSize(1);
		assertThat(this.backup.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST " + COMPLAINT + "/response", "POST " + COMPLETE,
			"POST " + COMPLAINT + "/update-refund-progress", "PUT " + NOTIFICATIONS })
	void aWriteWhoseAnswerTimedOutIsAnUnknownOutcome(String write) {
		stubWrite(write, this.wechatPay.signedAnswer(204, "").withFixedDelay(3000));
		this.contextRunner.withPropertyValues("wechatpay.complaint.client.read-timeout=500ms")
			.run((context) -> assertUnknownOutcome(context, write));
		assertThat(this.wechatPay.requests()).hasSize(1);
		assertThat(this.backup.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void aWriteThatCouldNotConnectIsNotAnUnknownOutcome() throws IOException {
		this.contextRunner
			.withPropertyValues("wechatpay.complaint.client.base-uri=http://localhost:" + closedPort(),
					"wechatpay.complaint.client.failover.enabled=false")
			.run((context) -> assertThatExceptionOfType(ResourceAccessException.class)
				.isThrownBy(() -> complete(context))
				.satisfies((ex) -> assertThat(ConnectionFailures.neverReachedServer((IOException) ex.getCause()))
					.isTrue()));
	}

	@Test
	void aReadWhoseAnswerTimedOutFailsAsBefore() {
		this.wechatPay
			.stub(get(urlPathEqualTo(LIST)).willReturn(this.wechatPay.signedAnswer(200, ANSWER).withFixedDelay(3000)));
		this.contextRunner.withPropertyValues("wechatpay.complaint.client.read-timeout=500ms",
				"wechatpay.complaint.client.retry.max-attempts=1", "wechatpay.complaint.client.failover.enabled=false")
			.run((context) -> assertThatExceptionOfType(ResourceAccessException.class).isThrownBy(() -> list(context)));
	}

	private void stubWrite(String write, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
		String[] methodAndPath = write.split(" ");
		this.wechatPay.stub(request(methodAndPath[0], urlPathEqualTo(methodAndPath[1])).willReturn(answer));
		this.backup.stubFor(request(methodAndPath[0], urlPathEqualTo(methodAndPath[1]))
			.willReturn(this.wechatPay.signedAnswer(204, "")));
	}

	private static void assertUnknownOutcome(AssertableApplicationContext context, String write) {
		String[] methodAndPath = write.split(" ");
		assertThatExceptionOfType(WechatPayWriteOutcomeUnknownException.class)
			.isThrownBy(() -> client(context).method(HttpMethod.valueOf(methodAndPath[0]))
				.uri(methodAndPath[1])
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("complainted_mchid", WechatPayStandIn.MCHID))
				.retrieve()
				.toBodilessEntity())
			.satisfies((ex) -> {
				assertThat(ex.getOperation()).isEqualTo(write);
				assertThat(ex.getCause()).isInstanceOf(IOException.class);
			})
			.withMessageContaining("may have applied it")
			.withMessageContaining("negotiation history");
	}

	@Test
	void aReadIsRetriedAfterAConnectionReset() {
		this.wechatPay.stub(get(urlPathEqualTo(LIST)).inScenario("reset")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("ok"));
		this.wechatPay.stub(get(urlPathEqualTo(LIST)).inScenario("reset")
			.whenScenarioStateIs("ok")
			.willReturn(this.wechatPay.signedAnswer(200, ANSWER)));
		this.contextRunner.withPropertyValues("wechatpay.complaint.client.failover.enabled=false")
			.run((context) -> assertThat(list(context)).isEqualTo(ANSWER));
		assertThat(this.wechatPay.requests()).hasSize(2);
	}

	@Test
	void aRateLimitedReadSucceedsAfterBackoffHonouringRetryAfter() {
		this.wechatPay.stub(get(urlPathEqualTo(LIST)).inScenario("busy")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(this.wechatPay.signedAnswer(429, "{\"code\":\"FREQUENCY_LIMITED\",\"message\":\"频率超限\"}")
				.withHeader("Retry-After", "1"))
			.willSetStateTo("calm"));
		this.wechatPay.stub(get(urlPathEqualTo(LIST)).inScenario("busy")
			.whenScenarioStateIs("calm")
			.willReturn(this.wechatPay.signedAnswer(200, ANSWER)));
		this.contextRunner.run((context) -> assertThat(list(context)).isEqualTo(ANSWER));
		List<LoggedRequest> requests = this.wechatPay.requests();
		assertThat(requests).hasSize(2);
		long waited = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
		assertThat(waited).isGreaterThanOrEqualTo(950);
		requests.forEach(this.wechatPay::assertSignedByMerchant);
		assertThat(requests.get(0).getHeader("Authorization")).isNotEqualTo(requests.get(1).getHeader("Authorization"));
	}

	@Test
	void aReadIsRetriedOnServerErrorsUpToMaxAttempts() {
		this.wechatPay.stub(get(urlPathEqualTo(LIST))
			.willReturn(this.wechatPay.signedAnswer(500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"系统错误\"}")));
		this.contextRunner
			.run((context) -> assertThatExceptionOfType(WechatPayApiException.class).isThrownBy(() -> list(context))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("SYSTEM_ERROR")));
		assertThat(this.wechatPay.requests()).hasSize(3);
	}

	@Test
	void aWriteIsNotRetriedOnAServerError() {
		this.wechatPay.stub(post(urlPathEqualTo(COMPLETE))
			.willReturn(this.wechatPay.signedAnswer(500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"系统错误\"}")));
		this.contextRunner.run((context) -> assertThatExceptionOfType(WechatPayApiException.class)
			.isThrownBy(() -> complete(context)));
		assertThat(this.wechatPay.requests()).hasSize(1);
	}

	@Test
	void aRetryAfterLongerThanTheMaximumBackoffIsNotWaitedFor() {
		this.wechatPay.stub(get(urlPathEqualTo(LIST))
			.willReturn(this.wechatPay.signedAnswer(429, "{\"code\":\"FREQUENCY_LIMITED\",\"message\":\"频率超限\"}")
				.withHeader("Retry-After", "60")));
		this.contextRunner
			.run((context) -> assertThatExceptionOfType(WechatPayApiException.class).isThrownBy(() -> list(context))
				.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(429)));
		assertThat(this.wechatPay.requests()).hasSize(1);
	}

	@Test
	void readsRetryAfterAsSecondsOrAnHttpDate() {
		assertThat(RetryInterceptor.parseRetryAfter("3")).hasSeconds(3);
		assertThat(RetryInterceptor.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isZero();
		assertThat(RetryInterceptor.parseRetryAfter("soon")).isNull();
	}

	@Test
	void classifiesFailuresThatNeverReachedTheServer() {
		assertThat(ConnectionFailures.neverReachedServer(new java.net.ConnectException("refused"))).isTrue();
		assertThat(ConnectionFailures.neverReachedServer(new IOException(new java.net.UnknownHostException("api"))))
			.isTrue();
		assertThat(ConnectionFailures.neverReachedServer(new java.net.http.HttpConnectTimeoutException("t"))).isTrue();
		assertThat(ConnectionFailures.neverReachedServer(new java.net.SocketTimeoutException("Read timed out")))
			.isFalse();
		assertThat(ConnectionFailures.neverReachedServer(new java.net.SocketException("Connection reset"))).isFalse();
		assertThat(ConnectionFailures.neverReachedServer(new java.net.http.HttpTimeoutException("request timed out")))
			.isFalse();
	}

	static String list(AssertableApplicationContext context) {
		return client(context).get().uri(LIST + "?limit=10&offset=0").retrieve().body(String.class);
	}

	private static void complete(AssertableApplicationContext context) {
		client(context).post()
			.uri(COMPLETE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("complainted_mchid", WechatPayStandIn.MCHID))
			.retrieve()
			.toBodilessEntity();
	}

	private static RestClient client(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(WechatPayComplaintRestClient.BEAN_NAME, RestClient.class);
	}

	static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
