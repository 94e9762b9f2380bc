package io.github.wechatpaycomplaint.client;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.wechatpaycomplaint.crypto.SignatureVerificationException.Reason;
import io.github.wechatpaycomplaint.crypto.SignatureVerificationException;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.simulator.keys.WechatPaySigningKey;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The auto-configured RestClient against a WireMock stand-in for WeChat Pay: every
 * request signed, every answer verified, each way of failing refused.
 */
class SignedRestClientTests {

	private static final String LIST_PATH = "/v3/merchant-service/complaints-v2";

	private static final String ANSWER = "{\"data\":[],\"limit\":10,\"offset\":0,\"total_count\":0}";

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final ApplicationContextRunner contextRunner = this.wechatPay.clientContextRunner();

	@Test
	void signsTheRequestAndHandsOverTheVerifiedAnswer() {
		this.wechatPay.stub(get(urlPathEqualTo(LIST_PATH)).willReturn(this.wechatPay.signedAnswer(200, ANSWER)));
		String body = call((client) -> client.get()
			.uri(LIST_PATH + "?limit=10&offset=0&begin_date=2026-11-01&end_date=2026-11-23")
			.retrieve()
			.body(String.class));
		assertThat(body).isEqualTo(ANSWER);
		LoggedRequest request = this.wechatPay.onlyRequest();
		this.wechatPay.assertSignedByMerchant(request);
		assertThat(request.getUrl())
			.isEqualTo(LIST_PATH + "?limit=10&offset=0&begin_date=2026-11-01&end_date=2026-11-23");
		assertThat(request.getHeader("Accept")).contains("application/json");
		assertThat(request.getHeader("User-Agent")).startsWith("wechatpay-complaint-spring-boot/").contains("Java/");
		assertThat(request.getHeader("User-Agent"))
			.matches("wechatpay-complaint-spring-boot/\\d+\\.\\d+\\.\\d+[^ ]* \\(.+\\) Java/.+");
		assertThat(request.getHeader("Wechatpay-Serial")).isEqualTo(WechatPayStandIn.PUBLIC_KEY_ID);
	}

	@Test
	void signsTheJsonBodyExactlyAsSent() {
		String path = "/v3/merchant-service/complaints-v2/200201820200101080076610000/response";
		this.wechatPay.stub(post(urlPathEqualTo(path)).willReturn(this.wechatPay.signedAnswer(204, "")));
		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put("complainted_mchid", WechatPayStandIn.MCHID);
		reply.put("response_content", "已与用户沟通解决 — refunded");
		ResponseEntity<Void> answer = call((client) -> client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(reply)
			.retrieve()
			.toBodilessEntity());
		assertThat(answer.getStatusCode().value()).isEqualTo(204);
		LoggedRequest request = this.wechatPay.onlyRequest();
		this.wechatPay.assertSignedByMerchant(request);
		assertThat(request.getBodyAsString()).contains("已与用户沟通解决");
	}

	@Test
	void signsAPercentEncodedImagePathAsItGoesOnTheWireAndAcceptsTheUnsignedImage() {
		String path = "/v3/merchant-service/images/ChsyMDAwMDAwMjAyNTA2MTIxMDAwNTEyMzQ1Njc4GAAgAQ%3D%3D";
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3 };
		this.wechatPay.stub(get(urlPathMatching("/v3/merchant-service/images/.+"))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
				.withStatus(200)
				.withHeader("Content-Type", "image/png")
				.withBody(png)));
		byte[] image = call((client) -> client.get()
			.uri(java.net.URI.create(this.wechatPay.baseUri() + path))
			.attribute(WechatPayOperation.ATTRIBUTE, WechatPayOperation.IMAGE_DOWNLOAD)
			.retrieve()
			.body(byte[].class));
		assertThat(image).isEqualTo(png);
		LoggedRequest request = this.wechatPay.onlyRequest();
		assertThat(request.getUrl()).isEqualTo(path);
		this.wechatPay.assertSignedByMerchant(request);
	}

	@Test
	void acceptsASignedEmptyAnswer() {
		this.wechatPay.stub(post(urlPathEqualTo("/v3/merchant-service/complaints-v2/1/complete"))
			.willReturn(this.wechatPay.signedAnswer(204, "")));
		ResponseEntity<Void> answer = call((client) -> client.post()
			.uri("/v3/merchant-service/complaints-v2/1/complete")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"complainted_mchid\":\"1900000001\"}")
			.retrieve()
			.toBodilessEntity());
		assertThat(answer.getStatusCode().value()).isEqualTo(204);
	}

	@Test
	void refusesABodyChangedAfterSigning() {
		Map<String, String> headers = this.wechatPay.signer().answerHeaders(ANSWER, now());
		stubList(WechatPayStandIn.answer(200, ANSWER.replace("\"limit\":10", "\"limit\":11"), headers));
		assertRefused(Reason.INVALID_SIGNATURE);
	}

	@Test
	void refusesAnUnknownSerial() {
		WechatPaySigningKey otherSerial = new WechatPaySigningKey("PUB_KEY_ID_0119000000012025112300000000000999",
				WechatPayStandIn.wechatpayKeys().getPrivate());
		stubList(WechatPayStandIn.answer(200, ANSWER, otherSerial.answerHeaders(ANSWER, now())));
		assertRefused(Reason.UNKNOWN_SERIAL);
	}

	@Test
	void refusesAStaleTimestamp() {
		stubList(WechatPayStandIn.answer(200, ANSWER, this.wechatPay.signer().answerHeaders(ANSWER, now() - 400)));
		assertRefused(Reason.TIMESTAMP_OUT_OF_WINDOW);
	}

	@Test
	void refusesAFutureTimestamp() {
		stubList(WechatPayStandIn.answer(200, ANSWER, this.wechatPay.signer().answerHeaders(ANSWER, now() + 400)));
		assertRefused(Reason.TIMESTAMP_OUT_OF_WINDOW);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial" })
	void refusesAnAnswerWithoutEachSignatureHeader(String missing) {
		Map<String, String> headers = this.wechatPay.signer().answerHeaders(ANSWER, now());
		headers.remove(missing);
		stubList(WechatPayStandIn.answer(200, ANSWER, headers));
		assertThatExceptionOfType(SignatureVerificationException.class).isThrownBy(this::list)
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MISSING_HEADER))
			.withMessageContaining(missing);
	}

	@Test
	void refusesAnUnsignedSuccessfulAnswer() {
		stubList(WechatPayStandIn.answer(200, ANSWER, Map.of()));
		assertRefused(Reason.MISSING_HEADER);
	}

	@Test
	void refusesAnAnswerSignedWithAForeignKey() {
		KeyPair foreign = RsaKeyPairs.generate();
		WechatPaySigningKey forger = new WechatPaySigningKey(WechatPayStandIn.PUBLIC_KEY_ID, foreign.getPrivate());
		stubList(WechatPayStandIn.answer(200, ANSWER, forger.answerHeaders(ANSWER, now())));
		assertRefused(Reason.INVALID_SIGNATURE);
	}

	@Test
	void refusesWechatPaySignatureProbes() {
		Map<String, String> headers = this.wechatPay.signer().answerHeaders(ANSWER, now());
		headers.put("Wechatpay-Signature", "WECHATPAY/SIGNTEST/" + headers.get("Wechatpay-Signature"));
		stubList(WechatPayStandIn.answer(200, ANSWER, headers));
		assertRefused(Reason.SIGNATURE_PROBE);
	}

	@Test
	void turnsASignedErrorAnswerIntoAVerifiedApiException() {
		String error = "{\"code\":\"PARAM_ERROR\",\"message\":\"查询日期跨度不能超过30天\",\"detail\":{\"field\":\"end_date\",\"location\":\"query\"}}";
		stubList(this.wechatPay.signedAnswer(400, error));
		assertThatExceptionOfType(WechatPayApiException.class).isThrownBy(this::list).satisfies((ex) -> {
			assertThat(ex.getStatusCode()).isEqualTo(400);
			assertThat(ex.getCode()).isEqualTo("PARAM_ERROR");
			assertThat(ex.getErrorMessage()).isEqualTo("查询日期跨度不能超过30天");
			assertThat(ex.getDetail()).containsEntry("field", "end_date").containsEntry("location", "query");
			assertThat(ex.getRequestId()).isNotBlank();
			assertThat(ex.isVerified()).isTrue();
			assertThat(ex.getMessage()).contains("400", "PARAM_ERROR", ex.getRequestId());
		});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void anUnsignedErrorAnswerCannotWriteLinesOfItsOwnIntoTheLog(CapturedOutput output) {
		// Anyone on the path can send an unsigned error answer; its code reaches the WARN
		// line of the failed call.
		String error = "{\"code\":\"SYSTEM_ERROR\\r\\n2026-12-01 ERROR forged line\",\"message\":\"m\"}";
		stubList(WechatPayStandIn.answer(500, error, Map.of("Request-ID", "id-1")));
		assertThatExceptionOfType(WechatPayApiException.class).isThrownBy(this::list);
		assertThat(output.getAll().lines().filter((line) -> line.contains("WeChat Pay call failed")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("SYSTEM_ERROR??2026-12-01 ERROR forged line", "Request-ID: id-1");
		assertThat(output.getAll().lines()).noneMatch((line) -> line.startsWith("2026-12-01 ERROR forged line"));
	}

	@Test
	void theExceptionMessageOfAnUnsignedErrorAnswerStaysOnOneLineAndKeepsChinese() {
		// Applications and the certificate manager log exception messages;
		// getErrorMessage() keeps the text as sent.
		String error = "{\"code\":\"PARAM_ERROR\",\"message\":\"参数错误\\nERROR forged\\u2028line\"}";
		stubList(WechatPayStandIn.answer(400, error, Map.of("Request-ID", "id-2")));
		assertThatExceptionOfType(WechatPayApiException.class).isThrownBy(this::list).satisfies((ex) -> {
			assertThat(ex.getMessage()).contains("PARAM_ERROR: 参数错误?ERROR forged?line").doesNotContain("\n");
			assertThat(ex.getErrorMessage()).isEqualTo("参数错误\nERROR forged\u2028line");
		});
	}

	@Test
	void turnsAnUnsignedErrorAnswerIntoAnUnverifiedApiException() {
		stubList(WechatPayStandIn.answer(500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"系统错误\"}",
				Map.of("Request-ID", "REQ-500")));
		assertThatExceptionOfType(WechatPayApiException.class).isThrownBy(this::list).satisfies((ex) -> {
			assertThat(ex.getStatusCode()).isEqualTo(500);
			assertThat(ex.getCode()).isEqualTo("SYSTEM_ERROR");
			assertThat(ex.getRequestId()).isEqualTo("REQ-500");
			assertThat(ex.isVerified()).isFalse();
			assertThat(ex.getMessage()).contains("unsigned");
		});
	}

	@Test
	void turnsANonJsonErrorAnswerIntoAnApiExceptionWithTheStatus() {
		this.wechatPay
			.stub(get(urlPathEqualTo(LIST_PATH)).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
				.withStatus(502)
				.withBody("<html>bad gateway</html>")));
		assertThatExceptionOfType(WechatPayApiException.class).isThrownBy(this::list).satisfies((ex) -> {
			assertThat(ex.getStatusCode()).isEqualTo(502);
			assertThat(ex.getCode()).isNull();
			assertThat(ex.isVerified()).isFalse();
		});
	}

	@Test
	void refusesASignedErrorAnswerWhoseSignatureIsWrong() {
		String error = "{\"code\":\"PARAM_ERROR\",\"message\":\"x\"}";
		Map<String, String> headers = this.wechatPay.signer().answerHeaders(error, now());
		stubList(WechatPayStandIn.answer(400, error.replace("x", "y"), headers));
		assertRefused(Reason.INVALID_SIGNATURE);
	}

	@Test
	void verifiesTheImageUploadAnswer() {
		// Only the download is exempt: the upload's answer must be signed.
		this.wechatPay.stub(post(urlPathEqualTo("/v3/merchant-service/images/upload"))
			.willReturn(WechatPayStandIn.answer(200, "{\"media_id\":\"m1\"}", Map.of())));
		// A success answer to a write that fails verification: the upload may have
		// happened all the same.
		assertThatExceptionOfType(WechatPayWriteOutcomeUnknownException.class)
			.isThrownBy(() -> postEmptyObject("/v3/merchant-service/images/upload"))
			.havingCause()
			.isInstanceOfSatisfying(SignatureVerificationException.class,
					(ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MISSING_HEADER));
	}

	@Test
	void aWriteWhoseSuccessAnswerFailsVerificationHasAnUnknownOutcome() {
		// After a certificate rotation, say: WeChat Pay applied the reply, but its answer
		// names a serial not known yet.
		String path = "/v3/merchant-service/complaints-v2/200201820200101080076610000/response";
		WechatPaySigningKey otherSerial = new WechatPaySigningKey("PUB_KEY_ID_0119000000012025112300000000000999",
				WechatPayStandIn.wechatpayKeys().getPrivate());
		this.wechatPay.stub(post(urlPathEqualTo(path))
			.willReturn(WechatPayStandIn.answer(204, "", otherSerial.answerHeaders("", now()))));
		assertThatExceptionOfType(WechatPayWriteOutcomeUnknownException.class).isThrownBy(() -> postEmptyObject(path))
			.satisfies((ex) -> assertThat(ex.getOperation()).isEqualTo("POST " + path))
			.withMessageContaining("got a success answer that failed verification (UNKNOWN_SERIAL)")
			.withMessageContaining("may have applied it")
			.havingCause()
			.isInstanceOfSatisfying(SignatureVerificationException.class,
					(ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNKNOWN_SERIAL));
		assertThat(this.wechatPay.requests()).hasSize(1);
	}

	@Test
	void aWriteWhoseErrorAnswerFailsVerificationIsRefusedAsBefore() {
		String path = "/v3/merchant-service/complaints-v2/200201820200101080076610000/response";
		String error = "{\"code\":\"PARAM_ERROR\",\"message\":\"x\"}";
		Map<String, String> headers = this.wechatPay.signer().answerHeaders(error, now());
		this.wechatPay.stub(
				post(urlPathEqualTo(path)).willReturn(WechatPayStandIn.answer(400, error.replace("x", "y"), headers)));
		assertThatExceptionOfType(SignatureVerificationException.class).isThrownBy(() -> postEmptyObject(path))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.INVALID_SIGNATURE));
	}

	@Test
	void turnsAnUnsignedImageDownloadErrorIntoAnUnverifiedApiException() {
		this.wechatPay.stub(get(urlPathEqualTo("/v3/merchant-service/images/abc")).willReturn(
				WechatPayStandIn.answer(400, "{\"code\":\"PARAM_ERROR\",\"message\":\"media id invalid\"}", Map.of())));
		assertThatExceptionOfType(WechatPayApiException.class)
			.isThrownBy(() -> call(
					(client) -> client.get().uri("/v3/merchant-service/images/abc").retrieve().body(byte[].class)))
			.satisfies((ex) -> assertThat(ex.isVerified()).isFalse());
	}

	@Test
	void acceptsAnUnsignedAnswerOnlyForARequestMarkedAsTheImageDownload() {
		// The exemption follows the operation the typed client attached, never the path:
		// the same GET without it (an
		// application's own call) is verified, and so is a POST marked as a download.
		String path = "/v3/merchant-service/images/abc";
		this.wechatPay.stub(any(urlPathEqualTo(path)).willReturn(WechatPayStandIn.answer(200, "image", Map.of())));
		String image = call((client) -> client.get()
			.uri(path)
			.attribute(WechatPayOperation.ATTRIBUTE, WechatPayOperation.IMAGE_DOWNLOAD)
			.retrieve()
			.body(String.class));
		assertThat(image).isEqualTo("image");
		assertThatExceptionOfType(SignatureVerificationException.class)
			.isThrownBy(() -> call((client) -> client.get().uri(path).retrieve().body(String.class)));
		// A POST is a write: its unverifiable success answer is refused as an outcome
		// that may have been applied.
		assertThatExceptionOfType(WechatPayWriteOutcomeUnknownException.class)
			.isThrownBy(() -> call((client) -> client.post()
				.uri(path)
				.attribute(WechatPayOperation.ATTRIBUTE, WechatPayOperation.IMAGE_DOWNLOAD)
				.retrieve()
				.body(String.class)))
			.withCauseInstanceOf(SignatureVerificationException.class);
	}

	@Test
	void readsTheRawBytesNotAReEncodedBody() {
		// Extra white space and key order must survive: the signature covers the bytes as
		// sent.
		String body = "{ \"offset\" : 0,\n  \"data\":[], \"limit\":10 }";
		this.wechatPay.stub(any(urlPathEqualTo(LIST_PATH)).willReturn(WechatPayStandIn.answer(200, body,
				this.wechatPay.signer().answerHeaders(body.getBytes(StandardCharsets.UTF_8), now()))));
		assertThat(list()).isEqualTo(body);
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdk", "simple" })
	void neverFollowsARedirectEvenWhenSpringHttpClientsAreSetToFollow(String factory) {
		try (WechatPayStandIn elsewhere = new WechatPayStandIn()) {
			elsewhere.stub(any(anyUrl()).willReturn(elsewhere.signedAnswer(200, ANSWER)));
			stubList(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
				.withStatus(302)
				.withHeader("Location", "http://127.0.0.1:" + elsewhere.server().port() + "/stolen?token=1")
				.withHeader("Request-ID", "REQ-302"));
			ApplicationContextRunner following = this.contextRunner.withPropertyValues(
					"spring.http.clients.redirects=follow", "spring.http.clients.imperative.factory=" + factory);
			following.run((context) -> {
				RestClient client = context.getBean(WechatPayComplaintRestClient.BEAN_NAME, RestClient.class);
				assertThatExceptionOfType(WechatPayApiException.class)
					.isThrownBy(() -> client.get().uri(LIST_PATH).retrieve().body(String.class))
					.satisfies((ex) -> {
						assertThat(ex.getStatusCode()).isEqualTo(302);
						assertThat(ex.isVerified()).isFalse();
						assertThat(ex.getRequestId()).isEqualTo("REQ-302");
					})
					.withMessageContaining("host 127.0.0.1")
					.withMessageNotContaining("stolen")
					.withMessageNotContaining("token");
			});
			assertThat(elsewhere.requests()).isEmpty();
		}
	}

	static Stream<Arguments> applicationBuildersThatFollowRedirects() {
		return Stream.of(
				Arguments.of("jdk", ClientHttpRequestFactoryBuilder.jdk()
					.withHttpClientCustomizer((builder) -> builder.followRedirects(HttpClient.Redirect.ALWAYS))),
				Arguments.of("simple", ClientHttpRequestFactoryBuilder.simple()
					.withCustomizer((factory) -> factory.setChunkSize(1024))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("applicationBuildersThatFollowRedirects")
	void neverFollowsARedirectEvenWhenTheApplicationsOwnBuilderFollowsThem(String name,
			ClientHttpRequestFactoryBuilder<?> applicationBuilder) {
		try (WechatPayStandIn elsewhere = new WechatPayStandIn()) {
			elsewhere.stub(any(anyUrl()).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
				.withStatus(200)
				.withHeader("Content-Type", "image/png")
				.withBody(new byte[] { 1, 2, 3 })));
			this.wechatPay.stub(get(urlPathMatching("/v3/merchant-service/images/.+"))
				.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
					.withStatus(307)
					.withHeader("Location",
							"http://127.0.0.1:" + elsewhere.server().port() + "/v3/merchant-service/images/stolen")));
			this.contextRunner.withPropertyValues("spring.http.clients.redirects=follow")
				.withBean(ClientHttpRequestFactoryBuilder.class, () -> applicationBuilder)
				.run((context) -> {
					RestClient client = context.getBean(WechatPayComplaintRestClient.BEAN_NAME, RestClient.class);
					assertThatExceptionOfType(WechatPayApiException.class)
						.isThrownBy(
								() -> client.get().uri("/v3/merchant-service/images/abc").retrieve().body(byte[].class))
						.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(307));
					// The application's builder itself is left as it was, for its other
					// clients.
					assertThat(context.getBean(ClientHttpRequestFactoryBuilder.class)).isSameAs(applicationBuilder);
				});
			assertThat(elsewhere.requests()).isEmpty();
			assertThat(this.wechatPay.requests()).hasSize(1);
		}
	}

	@Test
	void keepsTheApplicationsJdkBuilderAndItsCustomizers() {
		AtomicInteger customized = new AtomicInteger();
		this.wechatPay.stub(get(urlPathEqualTo(LIST_PATH)).willReturn(this.wechatPay.signedAnswer(200, ANSWER)));
		this.contextRunner
			.withBean(ClientHttpRequestFactoryBuilder.class,
					() -> ClientHttpRequestFactoryBuilder.jdk()
						.withHttpClientCustomizer((builder) -> customized.incrementAndGet()))
			.run((context) -> {
				customized.set(0);
				assertThat(context.getBean(WechatPayComplaintRestClient.BEAN_NAME, RestClient.class)
					.get()
					.uri(LIST_PATH)
					.retrieve()
					.body(String.class)).isEqualTo(ANSWER);
				assertThat(customized.get()).isPositive();
			});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void doesNotUseABuilderOfAnUnknownTypeAndSaysWhy(CapturedOutput output) {
		// The starter cannot switch following off in a builder it does not know: it
		// detects its own, with
		// redirects off, and leaves the application's to the application's other clients.
		List<HttpClientSettings> seen = new ArrayList<>();
		this.wechatPay.stub(get(urlPathEqualTo(LIST_PATH)).willReturn(this.wechatPay.signedAnswer(200, ANSWER)));
		this.contextRunner
			.withPropertyValues("spring.http.clients.redirects=follow", "wechatpay.complaint.client.read-timeout=7s")
			.withBean(ClientHttpRequestFactoryBuilder.class, () -> (settings) -> {
				seen.add(settings);
				return ClientHttpRequestFactoryBuilder.jdk().build(settings);
			})
			.run((context) -> {
				assertThat(context.getBean(WechatPayComplaintRestClient.BEAN_NAME, RestClient.class)
					.get()
					.uri(LIST_PATH)
					.retrieve()
					.body(String.class)).isEqualTo(ANSWER);
				assertThat(seen).noneMatch((settings) -> Duration.ofSeconds(7).equals(settings.readTimeout()));
			});
		assertThat(output).containsOnlyOnce("is not one of Spring Boot's").contains("WechatPayRestClientCustomizer");
	}

	@Test
	void refusesAnAnswerWhoseContentLengthIsAboveTheCap() {
		byte[] large = new byte[WechatPayAnswerTooLargeException.MAX_JSON_ANSWER_BYTES + 1];
		stubList(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
			.withStatus(200)
			.withHeader("Content-Length", String.valueOf(large.length))
			.withBody(large));
		// HttpURLConnection speaks HTTP/1.1 only, so the Content-Length reaches the
		// client as sent.
		this.contextRunner.withPropertyValues("spring.http.clients.imperative.factory=simple").run((context) -> {
			RestClient client = context.getBean(WechatPayComplaintRestClient.BEAN_NAME, RestClient.class);
			assertThatExceptionOfType(WechatPayAnswerTooLargeException.class)
				.isThrownBy(() -> client.get().uri(LIST_PATH).retrieve().body(String.class))
				.satisfies((ex) -> {
					assertThat(ex.getOperation()).isEqualTo("GET " + LIST_PATH);
					assertThat(ex.getLimit()).isEqualTo(8 * 1024 * 1024);
				})
				.withMessageContaining("Content-Length: " + large.length);
		});
	}

	@Test
	void refusesAnAnswerStreamedPastTheCapWithoutContentLength() {
		byte[] large = new byte[WechatPayAnswerTooLargeException.MAX_JSON_ANSWER_BYTES + 1];
		stubList(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
			.withStatus(200)
			.withBody(large)
			.withChunkedDribbleDelay(4, 20));
		assertThatExceptionOfType(WechatPayAnswerTooLargeException.class).isThrownBy(this::list)
			.satisfies((ex) -> assertThat(ex.getOperation()).isEqualTo("GET " + LIST_PATH))
			.withMessageNotContaining("Content-Length");
	}

	@Test
	void aWriteWhoseSuccessAnswerIsTooLargeToReadHasAnUnknownOutcome() {
		String path = "/v3/merchant-service/complaints-v2/200201820200101080076610000/complete";
		this.wechatPay
			.stub(post(urlPathEqualTo(path)).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
				.withStatus(200)
				.withBody(new byte[WechatPayAnswerTooLargeException.MAX_JSON_ANSWER_BYTES + 1])));
		assertThatExceptionOfType(WechatPayWriteOutcomeUnknownException.class).isThrownBy(() -> postEmptyObject(path))
			.withCauseInstanceOf(WechatPayAnswerTooLargeException.class)
			.satisfies((ex) -> assertThat(ex.getOperation()).isEqualTo("POST " + path));
	}

	private void stubList(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
		this.wechatPay.stub(get(urlPathEqualTo(LIST_PATH)).willReturn(answer));
	}

	private String list() {
		return call((client) -> client.get().uri(LIST_PATH + "?limit=10&offset=0").retrieve().body(String.class));
	}

	private void assertRefused(Reason reason) {
		assertThatExceptionOfType(SignatureVerificationException.class).isThrownBy(this::list)
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason))
			.withMessageContaining("Request-ID");
	}

	/** Posts {@code {}} to a write path: what these tests vary is the answer. */
	private void postEmptyObject(String path) {
		call((client) -> client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.retrieve()
			.toBodilessEntity());
	}

	private <T> T call(java.util.function.Function<RestClient, T> call) {
		Object[] result = new Object[1];
		RuntimeException[] failure = new RuntimeException[1];
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			RestClient client = context.getBean(WechatPayComplaintRestClient.BEAN_NAME, RestClient.class);
			try {
				result[0] = call.apply(client);
			}
			catch (RuntimeException ex) {
				failure[0] = ex;
			}
		});
		if (failure[0] != null) {
			throw failure[0];
		}
		@SuppressWarnings("unchecked")
		T value = (T) result[0];
		return value;
	}

	private static long now() {
		return Instant.now().getEpochSecond();
	}

}
