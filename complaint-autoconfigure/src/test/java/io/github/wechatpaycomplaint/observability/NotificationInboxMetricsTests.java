package io.github.wechatpaycomplaint.observability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.wechatpaycomplaint.notification.inbox.InboxPassObserver.Outcome;
import io.github.wechatpaycomplaint.notification.inbox.MemoryNotificationInbox;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;
import io.github.wechatpaycomplaint.testsupport.InboxScenes;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The inbox gauges show the backlog read at most once per refresh interval (NaN while it
 * cannot be read), and the pass timer counts each outcome, per merchant when asked.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationInboxMetricsTests {

	private final MutableClock clock = MutableClock.atEpochSecond(1_749_776_561L);

	private final NotificationInbox inbox = spy(new MemoryNotificationInbox(this.clock));

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void gaugesShowThePendingAndParkedEntriesAndTheOldestPendingAge() {
		InboxScenes.park(this.inbox, "default", "parked", "c-1");
		this.clock.advance(Duration.ofSeconds(30));
		this.inbox.record(InboxScenes.notification("default", "pending", "c-2"));
		this.clock.advance(Duration.ofSeconds(90));
		metrics(false);
		assertThat(gauge(NotificationInboxMetrics.PENDING)).isEqualTo(1);
		assertThat(gauge(NotificationInboxMetrics.FAILED)).isEqualTo(1);
		assertThat(age()).isEqualTo(90);
	}

	@Test
	void anEmptyInboxHasNoAge() {
		metrics(false);
		assertThat(gauge(NotificationInboxMetrics.PENDING)).isZero();
		assertThat(gauge(NotificationInboxMetrics.FAILED)).isZero();
		assertThat(age()).isZero();
	}

	@Test
	void gaugesReadTheBacklogAtMostOncePerRefresh() {
		metrics(false);
		for (int scrape = 0; scrape < 3; scrape++) {
			gauge(NotificationInboxMetrics.PENDING);
			gauge(NotificationInboxMetrics.FAILED);
			age();
		}
		verify(this.inbox, times(1)).backlog();
		this.inbox.record(InboxScenes.notification("default", "n-1", "c-1"));
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(gauge(NotificationInboxMetrics.PENDING)).as("still the cached backlog").isZero();
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(gauge(NotificationInboxMetrics.PENDING)).isEqualTo(1);
		verify(this.inbox, times(2)).backlog();
	}

	@Test
	void theAgeGrowsBetweenReads() {
		this.inbox.record(InboxScenes.notification("default", "n-1", "c-1"));
		metrics(false);
		assertThat(age()).isZero();
		this.clock.advance(Duration.ofMillis(4500));
		assertThat(age()).isEqualTo(4.5);
		verify(this.inbox, times(1)).backlog();
	}

	@Test
	void gaugesShowNaNWhileTheInboxCannotBeRead(CapturedOutput output) {
		doThrow(new IllegalStateException("connection to 13800138000 refused")).when(this.inbox).backlog();
		metrics(false);
		assertThat(gauge(NotificationInboxMetrics.PENDING)).isNaN();
		assertThat(gauge(NotificationInboxMetrics.FAILED)).isNaN();
		assertThat(age()).isNaN();
		verify(this.inbox, times(1)).backlog();
		assertThat(output).contains("Could not read the complaint notification inbox backlog")
			.contains("java.lang.IllegalStateException")
			.doesNotContain("13800138000");
		doCallRealMethod().when(this.inbox).backlog();
		this.clock.advance(NotificationInboxMetrics.BACKLOG_REFRESH);
		assertThat(gauge(NotificationInboxMetrics.PENDING)).isZero();
	}

	@Test
	void passesAreTimedPerOutcomeAndMerchantWithZerosForTheKnownMerchants() {
		NotificationInboxMetrics metrics = metrics(true);
		for (String merchant : List.of("shop-a", "shop-b")) {
			for (Outcome outcome : Outcome.values()) {
				assertThat(timer(outcome, merchant).count()).isZero();
			}
		}
		metrics.passFinished("shop-a", Outcome.DONE, Duration.ofMillis(30));
		metrics.passFinished("shop-a", Outcome.DONE, Duration.ofMillis(10));
		metrics.passFinished("shop-b", Outcome.LOST, Duration.ofMillis(5));
		metrics.passFinished("added-later", Outcome.PARKED, Duration.ofMillis(7));
		assertThat(timer(Outcome.DONE, "shop-a").count()).isEqualTo(2);
		assertThat(timer(Outcome.DONE, "shop-a").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
		assertThat(timer(Outcome.LOST, "shop-b").count()).isOne();
		assertThat(timer(Outcome.PARKED, "added-later").count()).isOne();
		assertThat(timer(Outcome.DONE, "shop-b").count()).isZero();
	}

	@Test
	void withoutTheMerchantTagPassesAreTimedPerOutcomeOnly() {
		NotificationInboxMetrics metrics = metrics(false);
		metrics.passFinished("shop-a", Outcome.RETRY, Duration.ofMillis(30));
		metrics.passFinished("shop-b", Outcome.RETRY, Duration.ofMillis(30));
		assertThat(this.registry.get(NotificationInboxMetrics.PASSES).tags("outcome", "retry").timer().count())
			.isEqualTo(2);
		assertThat(this.registry.get(NotificationInboxMetrics.PASSES).tags("outcome", "done").timer().count()).isZero();
		assertThat(this.registry.find(NotificationInboxMetrics.PASSES).tagKeys("merchant").timers()).isEmpty();
		assertThat(metrics).hasToString("NotificationInboxMetrics");
	}

	private NotificationInboxMetrics metrics(boolean merchantTag) {
		return new NotificationInboxMetrics(this.registry, this.inbox, this.clock, merchantTag,
				List.of("shop-a", "shop-b"));
	}

	private double gauge(String name) {
		return this.registry.get(name).gauge().value();
	}

	private double age() {
		return this.registry.get(NotificationInboxMetrics.OLDEST_PENDING_AGE).timeGauge().value(TimeUnit.SECONDS);
	}

	private Timer timer(Outcome outcome, String merchant) {
		return this.registry.get(NotificationInboxMetrics.PASSES)
			.tags("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT), "merchant", merchant)
			.timer();
	}

}
