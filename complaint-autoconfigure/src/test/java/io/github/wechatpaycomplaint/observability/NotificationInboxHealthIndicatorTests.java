package io.github.wechatpaycomplaint.observability;

import java.time.Duration;

import io.github.wechatpaycomplaint.notification.inbox.MemoryNotificationInbox;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;
import io.github.wechatpaycomplaint.testsupport.InboxScenes;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

/**
 * The inbox's health: UP with the backlog, parked entries UP unless a status is chosen
 * for them, DOWN with the exception class only while the inbox cannot be read.
 */
class NotificationInboxHealthIndicatorTests {

	private final MutableClock clock = MutableClock.atEpochSecond(1_749_776_561L);

	private final NotificationInbox inbox = spy(new MemoryNotificationInbox(this.clock));

	@Test
	void anEmptyInboxIsUpWithoutAges() {
		Health health = indicator(Status.UP).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("pending", 0L)
			.containsEntry("failed", 0L)
			.doesNotContainKeys("oldestPendingSince", "oldestPendingAge");
	}

	@Test
	void pendingEntriesShowTheOldestAge() {
		this.inbox.record(InboxScenes.notification("default", "n-1", "c-1"));
		this.clock.advance(Duration.ofSeconds(90).plusMillis(400));
		Health health = indicator(Status.UP).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("pending", 1L)
			.containsEntry("failed", 0L)
			.containsEntry("oldestPendingSince", "2025-06-13T01:02:41Z")
			.containsEntry("oldestPendingAge", "PT1M30S");
	}

	@Test
	void parkedEntriesKeepItUpByDefault() {
		InboxScenes.park(this.inbox, "default", "n-1", "c-1");
		Health health = indicator(Status.UP).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("failed", 1L).containsEntry("pending", 0L);
	}

	@Test
	void parkedEntriesTakeTheChosenStatus() {
		InboxScenes.park(this.inbox, "default", "n-1", "c-1");
		assertThat(indicator(Status.OUT_OF_SERVICE).health(true).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(indicator(Status.DOWN).health(true).getDetails()).containsEntry("failed", 1L);
	}

	@Test
	void theChosenStatusNeedsParkedEntries() {
		this.inbox.record(InboxScenes.notification("default", "n-1", "c-1"));
		assertThat(indicator(Status.DOWN).health(true).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void anUnreadableInboxIsDownWithTheExceptionClassOnly() {
		doThrow(new IllegalStateException("Duplicate entry '13800138000'")).when(this.inbox).backlog();
		Health health = indicator(Status.UP).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails())
			.containsExactly(java.util.Map.entry("error", "java.lang.IllegalStateException"));
		assertThat(health.toString()).doesNotContain("13800138000");
	}

	@Test
	void detailsAreLeftOutWhenNotAsked() {
		this.inbox.record(InboxScenes.notification("default", "n-1", "c-1"));
		assertThat(indicator(Status.UP).health(false).getDetails()).isEmpty();
	}

	private NotificationInboxHealthIndicator indicator(Status failedStatus) {
		return new NotificationInboxHealthIndicator(this.inbox, this.clock, failedStatus);
	}

}
