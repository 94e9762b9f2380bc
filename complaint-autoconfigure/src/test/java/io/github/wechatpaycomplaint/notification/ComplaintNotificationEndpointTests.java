package io.github.wechatpaycomplaint.notification;

import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import io.github.wechatpaycomplaint.notification.event.ComplaintActionType;
import io.github.wechatpaycomplaint.notification.event.ComplaintCreatedEvent;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.notification.event.PlatformServiceAppliedEvent;
import io.github.wechatpaycomplaint.notification.event.UnknownComplaintActionEvent;
import io.github.wechatpaycomplaint.testsupport.DebugLogging;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.github.wechatpaycomplaint.testsupport.RecordingListener;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification endpoint through Spring MVC: every answer, and exactly one event per
 * notification.
 */
@ExtendWith(OutputCaptureExtension.class)
class ComplaintNotificationEndpointTests {

	private static final long NOW = 1_749_776_561L;

	private final SignedNotificationBuilder builder = NotificationContexts.notificationWithVectorKeys(NOW);

	@Test
	void validNotificationIsAnsweredWith204AndPublishedOnce() {
		run((app) -> {
			SignedNotification notification = this.builder.build();
			assertThat(app.post(notification).getResponse().getStatus()).isEqualTo(204);
			assertThat(app.listener().events()).singleElement()
				.isInstanceOfSatisfying(ComplaintCreatedEvent.class, (event) -> {
					assertThat(event.getNotificationId()).isEqualTo(this.builder.id());
					assertThat(event.getEventType()).isEqualTo("COMPLAINT.CREATE");
					assertThat(event.getSummary()).isEqualTo("产生新投诉");
					assertThat(event.getCreateTime()).hasToString("2025-06-13T09:02:41+08:00");
					assertThat(event.getComplaintId()).isEqualTo("200000020250613090012345678");
					assertThat(event.getActionType()).isEqualTo(ComplaintActionType.CREATE_COMPLAINT);
					assertThat(event.getRawActionType()).isEqualTo("CREATE_COMPLAINT");
					assertThat(event.getResource().toString()).isEqualTo(this.builder.plaintext());
				});
		});
	}

	@Test
	void duplicateIsAnsweredWith204WithoutASecondEvent() {
		run((app) -> {
			SignedNotification notification = this.builder.build();
			assertThat(app.post(notification).getResponse().getStatus()).isEqualTo(204);
			assertThat(app.post(this.builder.build()).getResponse().getStatus()).isEqualTo(204);
			assertThat(app.listener().calls()).isEqualTo(1);
		});
	}

	@Test
	void unknownActionIsPublishedAsUnknownWithTheRawValue() {
		run((app) -> {
			app.post(this.builder.actionType("USER_CLICK_RESPONSE").build());
			assertThat(app.listener().events()).singleElement()
				.isInstanceOfSatisfying(UnknownComplaintActionEvent.class, (event) -> {
					assertThat(event.getActionType()).isEqualTo(ComplaintActionType.UNKNOWN);
					assertThat(event.getRawActionType()).isEqualTo("USER_CLICK_RESPONSE");
				});
		});
	}

	@Test
	void changelogSpellingOfPlatformServiceMapsToTheSameEvent() {
		run((app) -> {
			app.post(this.builder.actionType("USER_APPLY_PLATFORM_SERIVCE").build());
			assertThat(app.listener().events()).singleElement().isInstanceOf(PlatformServiceAppliedEvent.class);
		});
	}

	@Test
	void otherMethodsAre405() {
		run((app) -> {
			MvcResult result = app.perform(MockMvcRequestBuilders.get(NotificationContexts.PATH));
			assertRefused(result, 405, "METHOD_NOT_ALLOWED");
			assertThat(result.getResponse().getHeader("Allow")).isEqualTo("POST");
		});
	}

	@Test
	void otherContentTypesAre415() {
		run((app) -> assertRefused(
				app.perform(NotificationContexts.post(this.builder.build()).contentType(MediaType.TEXT_PLAIN)), 415,
				"UNSUPPORTED_MEDIA_TYPE"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "garbage", "application/json; charset=nonsense", "application/json; charset=\"",
			"application/", "/json", "application/json;;==;" })
	void unparsableContentTypesAre415AndLoggedAtDebugOnly(String contentType, CapturedOutput output) {
		try (DebugLogging debug = DebugLogging.of(NotificationRequestProcessor.class)) {
			run((app) -> assertRefused(
					app.perform(NotificationContexts.post(this.builder.build()).header("Content-Type", contentType)),
					415, "UNSUPPORTED_MEDIA_TYPE"));
		}
		assertThat(output).contains("DEBUG", "(415 UNSUPPORTED_MEDIA_TYPE)")
			.doesNotContain("ERROR")
			.doesNotContain("INTERNAL_ERROR")
			.doesNotContain("\tat ");
	}

	@Test
	void missingContentTypeIs415() {
		run((app) -> {
			SignedNotification notification = this.builder.build();
			MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(NotificationContexts.PATH)
				.content(notification.body());
			notification.headers().forEach(request::header);
			assertRefused(app.perform(request), 415, "UNSUPPORTED_MEDIA_TYPE");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "garbage", "text/html", "application/json; charset=nonsense", "*/*;q=x" })
	void anyAcceptHeaderGetsTheUsualAnswer(String accept) {
		run((app) -> {
			assertThat(app.perform(NotificationContexts.post(this.builder.build()).header("Accept", accept))
				.getResponse()
				.getStatus()).isEqualTo(204);
			assertRefused(app.perform(
					NotificationContexts.post(this.builder.serial("PUB_KEY_ID_09").build()).header("Accept", accept)),
					401, "UNKNOWN_SERIAL");
		});
	}

	@Test
	void jsonWithACharsetIsAccepted() {
		run((app) -> assertThat(app
			.perform(NotificationContexts.post(this.builder.build())
				.header("Content-Type", "application/json; charset=utf-8"))
			.getResponse()
			.getStatus()).isEqualTo(204));
	}

	@Test
	void hugeHeaderValuesAreRefusedWithTheirUsualAnswersAndCutInTheLog(CapturedOutput output) {
		String huge = "A".repeat(8_000);
		run((app) -> {
			assertRefused(app.perform(NotificationContexts.post(this.builder.build()).header("Content-Type", huge)),
					415, "UNSUPPORTED_MEDIA_TYPE");
			assertRefused(app.post(this.builder.build().withHeader("Wechatpay-Serial", huge)), 401, "UNKNOWN_SERIAL");
			assertRefused(app.post(this.builder.build().withHeader("Wechatpay-Signature", huge)), 401,
					"INVALID_SIGNATURE");
			assertRefused(app.post(this.builder.build().withHeader("Wechatpay-Nonce", huge)), 401, "INVALID_SIGNATURE");
			assertRefused(app.post(this.builder.build().withHeader("Wechatpay-Timestamp", "9".repeat(8_000))), 401,
					"TIMESTAMP_OUT_OF_WINDOW");
			assertThat(app.listener().events()).isEmpty();
		});
		assertThat(output).contains("A".repeat(64) + "…").doesNotContain("A".repeat(65)).doesNotContain("9".repeat(65));
	}

	@Test
	void declaredContentLengthAboveTheLimitIs413() {
		run((app) -> assertRefused(
				app.perform(NotificationContexts.post(this.builder.build()).header("Content-Length", "1000000")), 413,
				"PAYLOAD_TOO_LARGE"));
	}

	@Test
	void bodyAboveTheLimitIs413EvenWhenContentLengthLies() {
		byte[] large = ("{\"id\":\"" + "x".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8);
		run((app) -> assertRefused(
				app.perform(NotificationContexts.post(this.builder.sign(large)).header("Content-Length", "100")), 413,
				"PAYLOAD_TOO_LARGE"));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "{not json", "[]", "{}", "{\"id\":\"a\",\"create_time\":\"yesterday\",\"event_type\":\"E\"}",
					"{\"id\":\"a\",\"create_time\":\"2025-06-13T09:02:41+08:00\",\"event_type\":\"E\"}" })
	void signedMalformedBodyIs400(String body) {
		run((app) -> assertRefused(app.post(this.builder.sign(body.getBytes(StandardCharsets.UTF_8))), 400,
				"MALFORMED_NOTIFICATION"));
	}

	@Test
	void signedEmptyBodyIs400() {
		run((app) -> assertRefused(app.post(this.builder.sign(new byte[0])), 400, "MALFORMED_NOTIFICATION"));
	}

	@Test
	void otherAlgorithmIs400() {
		run((app) -> assertRefused(app.post(this.builder.algorithm("AEAD_SM4_GCM").build()), 400,
				"UNSUPPORTED_ALGORITHM"));
	}

	@Test
	void resourceEncryptedWithAnotherApiV3KeyIs500SoThatWeChatPayRetries(CapturedOutput output) {
		SignedNotificationBuilder otherKey = SignedNotificationBuilder.create()
			.signingKey(PemKeys.privateKey(Vectors.key("wechatpay_private_key_pkcs8_pem_for_signing_test_answers")))
			.serial(Vectors.key("wechatpay_public_key_id"))
			.apiV3Key("0123456789abcdef0123456789abcdef")
			.timestamp(Instant.ofEpochSecond(NOW));
		run((app) -> assertRefused(app.post(otherKey.build()), 500, "DECRYPTION_FAILED"));
		assertThat(output).contains("the APIv3 key does not match").doesNotContain("0123456789abcdef0123456789abcdef");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial" })
	void missingSignatureHeaderIs401(String header) {
		run((app) -> assertRefused(app.post(this.builder.build().withoutHeader(header)), 401,
				"MISSING_SIGNATURE_HEADER"));
	}

	@Test
	void tamperedBodyIs401() {
		SignedNotification notification = this.builder.build();
		byte[] tampered = notification.bodyText()
			.replace("COMPLAINT.CREATE", "COMPLAINT.CREATF")
			.getBytes(StandardCharsets.UTF_8);
		run((app) -> assertRefused(app.post(notification.withBody(tampered)), 401, "INVALID_SIGNATURE"));
	}

	@Test
	void signatureProbeIs401AndLoggedAtInfo(CapturedOutput output) {
		run((app) -> assertRefused(
				app.post(this.builder.build().withHeader("Wechatpay-Signature", "WECHATPAY/SIGNTEST/abcdef==")), 401,
				"INVALID_SIGNATURE"));
		assertThat(output).contains("INFO").contains("SIGNATURE_PROBE").doesNotContain("WARN");
	}

	@Test
	void unknownSerialIs401() {
		run((app) -> assertRefused(
				app.post(this.builder.serial("PUB_KEY_ID_0000000000000000000000000000000009").build()), 401,
				"UNKNOWN_SERIAL"));
	}

	@Test
	void malformedTimestampIs401() {
		run((app) -> assertRefused(app.post(this.builder.build().withHeader("Wechatpay-Timestamp", "soon")), 401,
				"MALFORMED_SIGNATURE_HEADER"));
	}

	@ParameterizedTest
	@ValueSource(longs = { Long.MIN_VALUE, Long.MAX_VALUE, NOW + Long.MIN_VALUE, NOW + Long.MAX_VALUE,
			NOW - Long.MAX_VALUE, -1, -NOW, 99_999_999_999L, 100_000_000_000L })
	void timestampsThatCouldOverflowTheWindowAreRefused(long timestamp) {
		// Signed with that very timestamp: only the timestamp check stands between it and
		// a 204.
		run((app) -> {
			MvcResult result = app.post(this.builder.timestampText(Long.toString(timestamp)).build());
			assertThat(result.getResponse().getStatus()).isEqualTo(401);
			assertThat(contentOf(result)).containsAnyOf("\"TIMESTAMP_OUT_OF_WINDOW\"",
					"\"MALFORMED_SIGNATURE_HEADER\"");
			assertThat(app.listener().events()).isEmpty();
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "-9223372036854775808 | MALFORMED_SIGNATURE_HEADER",
					"9223372036854775807 | TIMESTAMP_OUT_OF_WINDOW", "12345678901234567890 | TIMESTAMP_OUT_OF_WINDOW",
					"00000000001749776561 | TIMESTAMP_OUT_OF_WINDOW", "+1749776561 | MALFORMED_SIGNATURE_HEADER",
					"-1749776561 | MALFORMED_SIGNATURE_HEADER", "\" 1749776561\" | MALFORMED_SIGNATURE_HEADER",
					"\"1749776561 \" | MALFORMED_SIGNATURE_HEADER", "1749776561.0 | MALFORMED_SIGNATURE_HEADER",
					"1_749_776_561 | MALFORMED_SIGNATURE_HEADER", "0x684B | MALFORMED_SIGNATURE_HEADER",
					"１７４９７７６５６１ | MALFORMED_SIGNATURE_HEADER" })
	void timestampsThatAreNotPlainDigitsOrTooLongAreRefused(String timestamp, String code) {
		// The signature covers the header exactly as sent, so the only question is
		// whether the value is accepted.
		run((app) -> assertRefused(app.post(this.builder.timestampText(timestamp).build()), 401, code));
	}

	@ParameterizedTest
	@ValueSource(longs = { -301, 301 })
	void timestampOutsideTheWindowIs401InBothDirections(long offset) {
		run((app) -> assertRefused(app.post(this.builder.timestamp(Instant.ofEpochSecond(NOW + offset)).build()), 401,
				"TIMESTAMP_OUT_OF_WINDOW"));
	}

	@ParameterizedTest
	@ValueSource(longs = { -300, 300 })
	void timestampAtTheEdgeOfTheWindowIsAccepted(long offset) {
		run((app) -> assertThat(
				app.post(this.builder.timestamp(Instant.ofEpochSecond(NOW + offset)).build()).getResponse().getStatus())
			.isEqualTo(204));
	}

	@Test
	void listenerFailureIs500AndTheRetryIsHandledOnce(CapturedOutput output) {
		run((app) -> {
			app.listener().failNext(1);
			assertRefused(app.post(this.builder.build()), 500, "LISTENER_FAILED");
			assertThat(app.listener().events()).isEmpty();
			assertThat(app.post(this.builder.build()).getResponse().getStatus()).isEqualTo(204);
			assertThat(app.post(this.builder.build()).getResponse().getStatus()).isEqualTo(204);
			assertThat(app.listener().events()).hasSize(1);
			assertThat(app.listener().calls()).isEqualTo(2);
		});
		assertThat(output).contains("LISTENER_FAILED").contains("Listener failure for " + this.builder.id());
	}

	@Test
	void errorAnswersCarryNoStackTraceNorDecryptedData() {
		run((app) -> {
			app.listener().failNext(1);
			String body = contentOf(app.post(this.builder.build()));
			assertThat(body)
				.isEqualTo("{\"code\":\"LISTENER_FAILED\",\"message\":\"Handling the notification failed\"}");
		});
	}

	@Test
	void hundredConcurrentDeliveriesOfOneIdPublishOneEvent() {
		run((app) -> {
			app.listener().delay(20);
			SignedNotification notification = this.builder.build();
			List<Integer> statuses = concurrently(100, () -> app.post(notification).getResponse().getStatus());
			assertThat(statuses).allMatch((status) -> status == 204 || status == 503).contains(204);
			assertThat(app.listener().calls()).isEqualTo(1);
			assertThat(app.listener().events()).hasSize(1);
			// WeChat Pay's retries of the deliveries that got 503 are answered as
			// duplicates.
			assertThat(app.post(notification).getResponse().getStatus()).isEqualTo(204);
			assertThat(app.listener().calls()).isEqualTo(1);
		});
	}

	@Test
	void eventToStringShowsIdsOnly() {
		run((app) -> {
			app.post(this.builder.complaintId("200000020250613090099999999").build());
			ComplaintNotificationEvent event = app.listener().events().get(0);
			assertThat(event.toString()).contains(this.builder.id(), "200000020250613090099999999", "CREATE_COMPLAINT")
				.doesNotContain("产生新投诉")
				.doesNotContain("{");
		});
	}

	static <T> List<T> concurrently(int count, Callable<T> task) {
		ExecutorService executor = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static void assertRefused(MvcResult result, int status, String code) {
		assertThat(result.getResponse().getStatus()).isEqualTo(status);
		assertThat(result.getResponse().getContentType()).startsWith("application/json");
		assertThat(contentOf(result)).startsWith("{\"code\":\"" + code + "\",\"message\":\"")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
	}

	private static String contentOf(MvcResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private void run(Consumer<App> test) {
		NotificationContexts.webRunner().withUserConfiguration(TestConfiguration.class).run(App.started(test));
	}

	record App(AssertableWebApplicationContext context, MockMvc mockMvc) {

		/**
		 * A test of a started application, with MockMvc on it.
		 * @param test the test
		 * @return what runs the test in the context
		 */
		static ContextConsumer<AssertableWebApplicationContext> started(Consumer<App> test) {
			return (context) -> {
				assertThat(context).hasNotFailed();
				test.accept(new App(context, MockMvcBuilders.webAppContextSetup(context).build()));
			};
		}

		RecordingListener listener() {
			return this.context.getBean(RecordingListener.class);
		}

		MvcResult post(SignedNotification notification) {
			return perform(NotificationContexts.post(notification));
		}

		MvcResult perform(RequestBuilder request) {
			try {
				return this.mockMvc.perform(request).andReturn();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TestConfiguration {

		@Bean
		MutableClock clock() {
			return MutableClock.atEpochSecond(NOW);
		}

		@Bean
		RecordingListener recordingListener() {
			return new RecordingListener();
		}

	}

}
