package io.github.wechatpaycomplaint.notification;

import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.wechatpaycomplaint.notification.ComplaintNotificationEndpointTests.App;
import io.github.wechatpaycomplaint.notification.store.DeduplicationStoreUnavailableException;
import io.github.wechatpaycomplaint.testsupport.DebugLogging;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.github.wechatpaycomplaint.testsupport.UnavailableStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What refused notifications leave in the log: header values made safe (no forged lines,
 * no huge lines) and a flood of refusals reduced to one INFO or WARN line per reason and
 * minute, with a count of the rest; every refusal still reaches DEBUG and the observers
 * (metrics).
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationRejectionLogTests {

	private static final long NOW = 1_749_776_561L;

	private final SignedNotificationBuilder builder = NotificationContexts.notificationWithVectorKeys(NOW);

	@Test
	void lineBreaksInAHeaderCannotForgeALogLine(CapturedOutput output) {
		String forged = "PUB_KEY_ID_1\r\n2025-06-13 09:02:41 ERROR forged line\nFORGED\u001b[31m";
		run((app) -> assertThat(app.post(this.builder.serial(forged).build()).getResponse().getStatus())
			.isEqualTo(401));
		List<String> lines = output.getAll().lines().filter((line) -> line.contains("forged line")).toList();
		assertThat(lines).singleElement()
			.satisfies(
					(line) -> assertThat(line).contains("WARN", "Refused complaint notification (401 UNKNOWN_SERIAL)",
							"PUB_KEY_ID_1??2025-06-13 09:02:41 ERROR forged line?FORGED?[31m"));
		assertThat(output.getAll().lines()).noneMatch((line) -> line.startsWith("FORGED"))
			.noneMatch((line) -> line.startsWith("2025-06-13"));
		assertThat(output.getAll()).doesNotContain("\u001b");
	}

	@Test
	void aFloodOfRefusalsLogsOneWarnLinePerReasonAndMinuteAndCountsTheRest(CapturedOutput output) {
		run((app) -> {
			for (int i = 0; i < 1_000; i++) {
				app.post(this.builder.serial("PUB_KEY_ID_" + i).build());
			}
			app.post(this.builder.timestamp(Instant.ofEpochSecond(NOW - 3_600)).build());
			this.builder.timestamp(Instant.ofEpochSecond(NOW));
			assertThat(warnLines(output, "UNKNOWN_SERIAL")).hasSize(1);
			assertThat(warnLines(output, "TIMESTAMP_OUT_OF_WINDOW")).hasSize(1);
			app.context().getBean(MutableClock.class).advance(Duration.ofSeconds(59));
			app.post(this.builder.serial("PUB_KEY_ID_still_held_back").build());
			assertThat(warnLines(output, "UNKNOWN_SERIAL")).hasSize(1);
			app.context().getBean(MutableClock.class).advance(Duration.ofSeconds(1));
			app.post(this.builder.serial("PUB_KEY_ID_next_minute").build());
			assertThat(warnLines(output, "UNKNOWN_SERIAL")).hasSize(2)
				.last()
				.satisfies((line) -> assertThat(line).contains("PUB_KEY_ID_next_minute",
						"(and 1000 more since 2025-06-13T01:02:41Z, logged at DEBUG)"));
			assertThat(app.context().getBean(CountingObserver.class).refusals)
				.containsEntry(NotificationRejection.UNKNOWN_SERIAL, 1_002)
				.containsEntry(NotificationRejection.TIMESTAMP_OUT_OF_WINDOW, 1);
		});
		assertThat(output).doesNotContain("PUB_KEY_ID_500");
	}

	@Test
	void heldBackRefusalsStillReachDebug(CapturedOutput output) {
		try (DebugLogging debug = DebugLogging.of(NotificationRequestProcessor.class)) {
			run((app) -> {
				for (int i = 0; i < 10; i++) {
					app.post(this.builder.serial("PUB_KEY_ID_" + i).build());
				}
			});
		}
		assertThat(warnLines(output, "UNKNOWN_SERIAL")).hasSize(1);
		assertThat(output.getAll()
			.lines()
			.filter((line) -> line.contains("DEBUG") && line.contains("(401 UNKNOWN_SERIAL)"))).hasSize(9);
		assertThat(output).contains("'PUB_KEY_ID_9'");
	}

	@Test
	void refusalsForDifferentReasonsAreLimitedSeparately(CapturedOutput output) {
		run((app) -> {
			for (int i = 0; i < 3; i++) {
				app.post(this.builder.serial("PUB_KEY_ID_" + i).build());
				app.post(this.builder.build().withHeader("Wechatpay-Signature", "WECHATPAY/SIGNTEST/" + i));
				app.post(this.builder.build().withoutHeader("Wechatpay-Nonce"));
			}
		});
		assertThat(warnLines(output, "UNKNOWN_SERIAL")).hasSize(1);
		assertThat(output.getAll().lines().filter((line) -> line.contains("INFO") && line.contains("SIGNATURE_PROBE")))
			.hasSize(1);
		assertThat(output.getAll()
			.lines()
			.filter((line) -> line.contains("INFO") && line.contains("MISSING_SIGNATURE_HEADER"))).hasSize(1);
	}

	@Test
	void aStoreOutageAnswersEvery500ButLogsOneWarnLinePerMinuteWithoutAStackTrace(CapturedOutput output) {
		try (DebugLogging debug = DebugLogging.of(NotificationRequestProcessor.class)) {
			run(NotificationContexts.webRunner()
				.withBean(NotificationDeduplicationStore.class,
						() -> new UnavailableStore(() -> new DeduplicationStoreUnavailableException(
								"The test de-duplication store did not answer within 1000 ms"))),
					(app) -> {
						for (int i = 0; i < 20; i++) {
							MvcResult refused = app.post(this.builder.id("outage-" + i).build());
							assertThat(refused.getResponse().getStatus()).isEqualTo(500);
							assertThat(refused.getResponse().getContentType()).isEqualTo("application/json");
							assertThat(
									new String(refused.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
								.isEqualTo(
										"{\"code\":\"STORE_UNAVAILABLE\",\"message\":\"The notification cannot be handled now\"}");
						}
						assertThat(warnLines(output, "STORE_UNAVAILABLE")).singleElement()
							.satisfies((line) -> assertThat(line)
								.contains("The de-duplication store could not claim complaint notification outage-0 "
										+ "(DeduplicationStoreUnavailableException)"));
						app.context().getBean(MutableClock.class).advance(RejectionLog.INTERVAL);
						assertThat(app.post(this.builder.id("outage-next-minute").build()).getResponse().getStatus())
							.isEqualTo(500);
						assertThat(warnLines(output, "STORE_UNAVAILABLE")).hasSize(2)
							.last()
							.satisfies((line) -> assertThat(line).contains("outage-next-minute", "(and 19 more since"));
						assertThat(app.listener().events()).isEmpty();
						assertThat(app.context().getBean(CountingObserver.class).refusals)
							.containsEntry(NotificationRejection.STORE_UNAVAILABLE, 21);
					});
		}
		assertThat(output.getAll().lines().filter((line) -> line.contains(" ERROR "))).isEmpty();
		assertThat(output.getAll()).doesNotContain("\tat ");
		// The cause, class and message, at DEBUG only.
		assertThat(output.getAll()
			.lines()
			.filter((line) -> line.contains("DEBUG") && line.contains("Cause of the refusal (STORE_UNAVAILABLE): "
					+ DeduplicationStoreUnavailableException.class.getName() + ": The test de-duplication store "
					+ "did not answer within 1000 ms")))
			.hasSize(21);
	}

	private static List<String> warnLines(CapturedOutput output, String reason) {
		return output.getAll()
			.lines()
			.filter((line) -> line.contains("WARN") && line.contains(" " + reason + ")"))
			.toList();
	}

	private void run(Consumer<App> test) {
		run(NotificationContexts.webRunner(), test);
	}

	private void run(WebApplicationContextRunner runner, Consumer<App> test) {
		runner.withUserConfiguration(TestConfiguration.class).run(App.started(test));
	}

	@Configuration(proxyBeanMethods = false)
	@Import(ComplaintNotificationEndpointTests.TestConfiguration.class)
	static class TestConfiguration {

		@Bean
		CountingObserver countingObserver() {
			return new CountingObserver();
		}

	}

	static final class CountingObserver implements ComplaintNotificationObserver {

		final Map<NotificationRejection, Integer> refusals = new ConcurrentHashMap<>();

		final AtomicInteger handled = new AtomicInteger();

		@Override
		public void handled() {
			this.handled.incrementAndGet();
		}

		@Override
		public void refused(NotificationRejection rejection) {
			this.refusals.merge(rejection, 1, Integer::sum);
		}

	}

}
