package io.github.wechatpaycomplaint.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

import io.github.wechatpaycomplaint.notification.ComplaintNotificationEndpointTests.App;
import io.github.wechatpaycomplaint.notification.store.CaffeineNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the endpoint answers when something behind it fails: the de-duplication store
 * (down, slow, or failing after the listeners succeeded) or an observer. WeChat Pay must
 * retry whatever was not handled, and must not be asked to retry what was.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationFailurePathsTests {

	private static final long NOW = 1_749_776_561L;

	private final SignedNotificationBuilder builder = NotificationContexts.notificationWithVectorKeys(NOW);

	@Test
	void aStoreThatIsDownIs500WithoutAnEventAndTheRetryIsHandled(CapturedOutput output) {
		run((app) -> {
			app.context().getBean(FlakyStore.class).failClaims = true;
			MvcResult refused = app.post(this.builder.id("store-down").build());
			assertThat(refused.getResponse().getStatus()).isEqualTo(500);
			assertThat(body(refused)).startsWith("{\"code\":\"STORE_UNAVAILABLE\"").doesNotContain("Exception");
			assertThat(app.listener().events()).isEmpty();
			app.context().getBean(FlakyStore.class).failClaims = false;
			assertThat(app.post(this.builder.id("store-down").build()).getResponse().getStatus()).isEqualTo(204);
			assertThat(app.listener().events()).hasSize(1);
		});
		assertThat(output).contains("WARN")
			.contains("Refused complaint notification (500 STORE_UNAVAILABLE): The de-duplication store could not "
					+ "claim complaint notification store-down (IllegalStateException); WeChat Pay will deliver it again")
			.doesNotContain("could not be handled");
	}

	@Test
	void failingToMarkAHandledNotificationDoneStillAnswers204(CapturedOutput output) {
		run((app) -> {
			app.context().getBean(FlakyStore.class).failMarkDone = true;
			assertThat(app.post(this.builder.id("mark-done-fails").build()).getResponse().getStatus()).isEqualTo(204);
			assertThat(app.listener().events()).hasSize(1);
		});
		assertThat(output).contains("mark-done-fails was handled but could not be marked done");
	}

	@Test
	void aClaimThatRanOutBeforeTheListenersFinishedIsReported(CapturedOutput output) {
		run((app) -> {
			app.context().getBean(FlakyStore.class).markDoneFindsAnotherClaim = true;
			assertThat(app.post(this.builder.id("lease-ran-out").build()).getResponse().getStatus()).isEqualTo(204);
		});
		assertThat(output).contains("The claim on complaint notification lease-ran-out ran out");
	}

	@Test
	void aListenerFailureIsStill500WhenReleasingTheClaimFailsToo() {
		run((app) -> {
			app.listener().failNext(1);
			app.context().getBean(FlakyStore.class).failRelease = true;
			MvcResult refused = app.post(this.builder.id("release-fails").build());
			assertThat(refused.getResponse().getStatus()).isEqualTo(500);
			assertThat(body(refused)).startsWith("{\"code\":\"LISTENER_FAILED\"");
		});
	}

	@Test
	void aFailingObserverChangesNoAnswer(CapturedOutput output) {
		run((app) -> {
			assertThat(app.post(this.builder.id("observed").build()).getResponse().getStatus()).isEqualTo(204);
			assertThat(app.post(this.builder.id("observed").build().withBody("{}".getBytes(StandardCharsets.UTF_8)))
				.getResponse()
				.getStatus()).isEqualTo(401);
		});
		assertThat(output).contains("observer FailingObserver failed; the answer is unchanged");
	}

	private static String body(MvcResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private void run(Consumer<App> test) {
		NotificationContexts.webRunner().withUserConfiguration(TestConfiguration.class).run(App.started(test));
	}

	/**
	 * The endpoint tests' application (clock, recording listener) with a flaky store and
	 * a failing observer.
	 */
	@Configuration(proxyBeanMethods = false)
	@Import(ComplaintNotificationEndpointTests.TestConfiguration.class)
	static class TestConfiguration {

		@Bean
		FlakyStore flakyStore() {
			return new FlakyStore();
		}

		@Bean
		FailingObserver failingObserver() {
			return new FailingObserver();
		}

	}

	/** A memory store whose operations can be made to fail. */
	static final class FlakyStore implements NotificationDeduplicationStore {

		private final CaffeineNotificationDeduplicationStore delegate = new CaffeineNotificationDeduplicationStore(100,
				Duration.ofDays(1));

		volatile boolean failClaims;

		volatile boolean failMarkDone;

		volatile boolean failRelease;

		volatile boolean markDoneFindsAnotherClaim;

		@Override
		public NotificationClaim claim(String notificationId, Duration lease) {
			if (this.failClaims) {
				throw new IllegalStateException("de-duplication store down");
			}
			return this.delegate.claim(notificationId, lease);
		}

		@Override
		public boolean markDone(NotificationClaim claim, Duration timeToLive) {
			if (this.failMarkDone) {
				throw new IllegalStateException("de-duplication store down");
			}
			return !this.markDoneFindsAnotherClaim && this.delegate.markDone(claim, timeToLive);
		}

		@Override
		public void release(NotificationClaim claim) {
			if (this.failRelease) {
				throw new IllegalStateException("de-duplication store down");
			}
			this.delegate.release(claim);
		}

	}

	static final class FailingObserver implements ComplaintNotificationObserver {

		@Override
		public void handled() {
			throw new IllegalStateException("observer down");
		}

		@Override
		public void refused(NotificationRejection rejection) {
			throw new IllegalStateException("observer down");
		}

		@Override
		public String toString() {
			return "FailingObserver";
		}

	}

}
