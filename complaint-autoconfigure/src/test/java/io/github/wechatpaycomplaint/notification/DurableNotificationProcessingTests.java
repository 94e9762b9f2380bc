package io.github.wechatpaycomplaint.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.wechatpaycomplaint.notification.ComplaintNotificationEndpointTests.App;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.notification.inbox.InboxBacklog;
import io.github.wechatpaycomplaint.notification.inbox.InboxEntry;
import io.github.wechatpaycomplaint.notification.inbox.MemoryNotificationInbox;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The endpoint in durable processing: a verified notification is recorded and answered
 * 204 without waiting for any listener, a duplicate adds no entry, an inbox that cannot
 * record answers 500 so that WeChat Pay delivers again, and a failing listener is retried
 * by the worker rather than refused to WeChat Pay.
 */
@ExtendWith(OutputCaptureExtension.class)
class DurableNotificationProcessingTests {

	private static final long NOW = 1_749_776_561L;

	private final SignedNotificationBuilder builder = NotificationContexts.notificationWithVectorKeys(NOW);

	@Test
	void answers204BeforeAnyListenerRunsThenPublishesOnce() {
		run((app) -> {
			BlockingListener blocking = app.context().getBean(BlockingListener.class);
			blocking.block();
			MvcResult answer = app.post(this.builder.id("durable-1").build());
			assertThat(answer.getResponse().getStatus()).isEqualTo(204);
			assertThat(app.listener().events()).isEmpty();
			blocking.release();
			await().atMost(Duration.ofSeconds(10)).until(() -> app.listener().events().size() == 1);
			assertThat(app.listener().events().get(0).getNotificationId()).isEqualTo("durable-1");
		});
	}

	@Test
	void aDuplicateDeliveryIsAnswered204WithoutASecondEntry() {
		run((app) -> {
			assertThat(app.post(this.builder.id("durable-dup").build()).getResponse().getStatus()).isEqualTo(204);
			assertThat(app.post(this.builder.id("durable-dup").build()).getResponse().getStatus()).isEqualTo(204);
			await().atMost(Duration.ofSeconds(10)).until(() -> app.listener().events().size() == 1);
			assertThat(app.post(this.builder.id("durable-dup").build()).getResponse().getStatus()).isEqualTo(204);
			assertThat(app.context().getBean(FlakyInbox.class).recorded).isEqualTo(1);
			assertThat(app.listener().calls()).isEqualTo(1);
		});
	}

	@Test
	void anInboxThatCannotRecordIs500AndTheRetryIsRecorded(CapturedOutput output) {
		run((app) -> {
			FlakyInbox inbox = app.context().getBean(FlakyInbox.class);
			inbox.down = true;
			MvcResult refused = app.post(this.builder.id("inbox-down").build());
			assertThat(refused.getResponse().getStatus()).isEqualTo(500);
			assertThat(new String(refused.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
				.startsWith("{\"code\":\"STORE_UNAVAILABLE\"")
				.doesNotContain("Exception");
			inbox.down = false;
			assertThat(app.post(this.builder.id("inbox-down").build()).getResponse().getStatus()).isEqualTo(204);
			await().atMost(Duration.ofSeconds(10)).until(() -> app.listener().events().size() == 1);
		});
		assertThat(output).contains("Refused complaint notification (500 STORE_UNAVAILABLE): The inbox could not "
				+ "record complaint notification inbox-down (IllegalStateException); WeChat Pay will deliver it again");
	}

	@Test
	void anInstanceKilledBetweenRecordAndAnswerHasTheEntryPublishedOnce() {
		run((app) -> {
			FlakyInbox inbox = app.context().getBean(FlakyInbox.class);
			// The entry is recorded, then WeChat Pay sees a failure (500, or a timeout
			// when the instance dies) instead of 204.
			inbox.failAfterRecord = true;
			assertThat(app.post(this.builder.id("killed-before-answer").build()).getResponse().getStatus())
				.isEqualTo(500);
			inbox.failAfterRecord = false;
			// Its retry is a duplicate of the recorded entry.
			assertThat(app.post(this.builder.id("killed-before-answer").build()).getResponse().getStatus())
				.isEqualTo(204);
			await().atMost(Duration.ofSeconds(10)).until(() -> app.listener().events().size() == 1);
			assertThat(inbox.recorded).isEqualTo(1);
			assertThat(app.post(this.builder.id("killed-before-answer").build()).getResponse().getStatus())
				.isEqualTo(204);
			// Exactly once: no second pass comes later either.
			await().during(Duration.ofMillis(300))
				.atMost(Duration.ofSeconds(2))
				.until(() -> app.listener().calls() == 1);
			assertThat(app.listener().events().get(0).getNotificationId()).isEqualTo("killed-before-answer");
		});
	}

	@Test
	void aFailingListenerIsRetriedByTheWorkerNotByWechatPay() {
		run((app) -> {
			app.listener().failNext(1);
			assertThat(app.post(this.builder.id("durable-retry").build()).getResponse().getStatus()).isEqualTo(204);
			await().atMost(Duration.ofSeconds(10)).until(() -> app.listener().calls() == 1);
			// The retry is due after the initial delay on the application's clock.
			app.context().getBean(MutableClock.class).advance(Duration.ofSeconds(1));
			await().atMost(Duration.ofSeconds(10)).until(() -> app.listener().events().size() == 1);
			assertThat(app.listener().calls()).isEqualTo(2);
		});
	}

	private void run(Consumer<App> test) {
		NotificationContexts.webRunner()
			.withUserConfiguration(TestConfiguration.class)
			.withPropertyValues("wechatpay.complaint.notification.processing=durable",
					"wechatpay.complaint.notification.inbox.poll-interval=20ms",
					"wechatpay.complaint.notification.inbox.retry.initial-delay=1s",
					"wechatpay.complaint.notification.inbox.retry.jitter=0")
			.run(App.started(test));
	}

	@Configuration(proxyBeanMethods = false)
	@Import(ComplaintNotificationEndpointTests.TestConfiguration.class)
	static class TestConfiguration {

		@Bean
		FlakyInbox flakyInbox(MutableClock clock) {
			return new FlakyInbox(new MemoryNotificationInbox(clock));
		}

		@Bean
		BlockingListener blockingListener() {
			return new BlockingListener();
		}

	}

	/** Holds every event back while blocked, before the recording listener sees it. */
	static final class BlockingListener {

		private volatile CountDownLatch gate = new CountDownLatch(0);

		void block() {
			this.gate = new CountDownLatch(1);
		}

		void release() {
			this.gate.countDown();
		}

		@EventListener
		@Order(0)
		public void on(ComplaintNotificationEvent event) throws InterruptedException {
			this.gate.await(10, TimeUnit.SECONDS);
		}

	}

	/** The memory inbox, down on demand, counting what it recorded. */
	static final class FlakyInbox implements NotificationInbox {

		private final MemoryNotificationInbox delegate;

		volatile boolean down;

		volatile boolean failAfterRecord;

		volatile int recorded;

		FlakyInbox(MemoryNotificationInbox delegate) {
			this.delegate = delegate;
		}

		@Override
		public boolean record(ComplaintNotification notification) {
			if (this.down) {
				throw new IllegalStateException("inbox down");
			}
			boolean added = this.delegate.record(notification);
			if (added) {
				this.recorded++;
			}
			if (this.failAfterRecord) {
				throw new IllegalStateException("killed after recording");
			}
			return added;
		}

		@Override
		public List<InboxEntry> claimDue(int maxEntries, Duration lease) {
			return this.delegate.claimDue(maxEntries, lease);
		}

		@Override
		public boolean markDone(InboxEntry claimed) {
			return this.delegate.markDone(claimed);
		}

		@Override
		public boolean retryLater(InboxEntry claimed, Instant nextAttemptAt, String lastError) {
			return this.delegate.retryLater(claimed, nextAttemptAt, lastError);
		}

		@Override
		public boolean park(InboxEntry claimed, String lastError) {
			return this.delegate.park(claimed, lastError);
		}

		@Override
		public boolean renewLease(InboxEntry claimed, Duration lease) {
			return this.delegate.renewLease(claimed, lease);
		}

		@Override
		public InboxBacklog backlog() {
			return this.delegate.backlog();
		}

		@Override
		public List<InboxEntry> failed(int limit) {
			return this.delegate.failed(limit);
		}

		@Override
		public boolean replay(String merchantName, String notificationId) {
			return this.delegate.replay(merchantName, notificationId);
		}

		@Override
		public int replayAll() {
			return this.delegate.replayAll();
		}

		@Override
		public boolean discard(String merchantName, String notificationId) {
			return this.delegate.discard(merchantName, notificationId);
		}

		@Override
		public int purgeDone(Instant recordedBefore) {
			return this.delegate.purgeDone(recordedBefore);
		}

	}

}
