package io.github.wechatpaycomplaint.observability;

import java.time.Duration;

import io.github.wechatpaycomplaint.notification.inbox.FailedNotifications;
import io.github.wechatpaycomplaint.notification.inbox.MemoryNotificationInbox;
import io.github.wechatpaycomplaint.observability.NotificationInboxEndpoint.EntryChange;
import io.github.wechatpaycomplaint.observability.NotificationInboxEndpoint.InboxReport;
import io.github.wechatpaycomplaint.observability.NotificationInboxEndpoint.ParkedEntry;
import io.github.wechatpaycomplaint.testsupport.InboxScenes;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The inbox endpoint's operations on a memory inbox: the report (never the resource or
 * summary), the limit's bounds, replay and discard of parked entries, and the web
 * extension's 404 for an entry that is not parked.
 */
class NotificationInboxEndpointTests {

	private final MutableClock clock = MutableClock.atEpochSecond(1_749_776_561L);

	private final MemoryNotificationInbox inbox = new MemoryNotificationInbox(this.clock);

	private final NotificationInboxEndpoint endpoint = new NotificationInboxEndpoint(
			new FailedNotifications(this.inbox), this.inbox, this.clock);

	@Test
	void theReportShowsTheBacklogAndTheParkedEntriesWithoutTheirContent() {
		InboxScenes.park(this.inbox, "shop-a", "n-1", "c-1");
		this.inbox.record(InboxScenes.notification("shop-b", "n-2", "c-2"));
		this.clock.advance(Duration.ofSeconds(75));
		InboxReport report = this.endpoint.inbox(null);
		assertThat(report.pending()).isOne();
		assertThat(report.failed()).isOne();
		assertThat(report.oldestPendingSince()).isEqualTo("2025-06-13T01:02:41Z");
		assertThat(report.oldestPendingAge()).isEqualTo("PT1M15S");
		assertThat(report.entries()).containsExactly(new ParkedEntry("shop-a", "n-1", "c-1", "COMPLAINT.STATE_CHANGE",
				"2025-06-13T09:02:41+08:00", 1, "java.lang.IllegalStateException"));
		String json = new JsonMapper().writeValueAsString(report);
		assertThat(json).contains("\"notificationId\":\"n-1\"")
			.doesNotContain(InboxScenes.SUMMARY)
			.doesNotContain(InboxScenes.RESOURCE_SECRET)
			.doesNotContain("13800138000");
	}

	@Test
	void anEmptyInboxHasNoAge() {
		InboxReport report = this.endpoint.inbox(null);
		assertThat(report.pending()).isZero();
		assertThat(report.oldestPendingSince()).isNull();
		assertThat(report.oldestPendingAge()).isNull();
		assertThat(report.entries()).isEmpty();
	}

	@Test
	void theLimitBoundsTheListedEntriesButNotTheCount() {
		for (int i = 0; i < 3; i++) {
			InboxScenes.park(this.inbox, "default", "n-" + i, "c-" + i);
		}
		InboxReport report = this.endpoint.inbox(2);
		assertThat(report.failed()).isEqualTo(3);
		assertThat(report.entries()).extracting(ParkedEntry::notificationId).containsExactly("n-0", "n-1");
		assertThat(this.endpoint.inbox(NotificationInboxEndpoint.MAX_LIMIT).entries()).hasSize(3);
	}

	@Test
	void theDefaultLimitIsFifty() {
		for (int i = 0; i < 51; i++) {
			InboxScenes.park(this.inbox, "default", "n-" + i, "c-" + i);
		}
		assertThat(this.endpoint.inbox(null).entries()).hasSize(NotificationInboxEndpoint.DEFAULT_LIMIT);
	}

	@Test
	void aLimitOutsideOneToFiveHundredIsRefused() {
		assertThatExceptionOfType(InvalidEndpointRequestException.class).isThrownBy(() -> this.endpoint.inbox(0))
			.withMessageContaining("from 1 to 500");
		assertThatExceptionOfType(InvalidEndpointRequestException.class).isThrownBy(() -> this.endpoint.inbox(501));
	}

	@Test
	void replayMakesOneParkedEntryDueAgain() {
		InboxScenes.park(this.inbox, "default", "n-1", "c-1");
		InboxScenes.park(this.inbox, "default", "n-2", "c-2");
		assertThat(this.endpoint.replay("default", "n-1"))
			.isEqualTo(new EntryChange("default", "n-1", EntryChange.Change.REPLAYED));
		assertThat(this.inbox.backlog().pending()).isOne();
		assertThat(this.inbox.backlog().failed()).isOne();
		assertThat(this.endpoint.replay("default", "n-1").change()).isEqualTo(EntryChange.Change.NOT_PARKED);
		assertThat(this.endpoint.replay("other", "n-2").change()).isEqualTo(EntryChange.Change.NOT_PARKED);
	}

	@Test
	void replayAllMakesEveryParkedEntryDueAgain() {
		InboxScenes.park(this.inbox, "default", "n-1", "c-1");
		InboxScenes.park(this.inbox, "shop-b", "n-2", "c-2");
		assertThat(this.endpoint.replayAll().replayed()).isEqualTo(2);
		assertThat(this.inbox.backlog().pending()).isEqualTo(2);
		assertThat(this.endpoint.replayAll().replayed()).isZero();
	}

	@Test
	void discardMarksOneParkedEntryDone() {
		InboxScenes.park(this.inbox, "default", "n-1", "c-1");
		assertThat(this.endpoint.discard("default", "n-1").change()).isEqualTo(EntryChange.Change.DISCARDED);
		assertThat(this.inbox.backlog()).isEqualTo(io.github.wechatpaycomplaint.notification.inbox.InboxBacklog.EMPTY);
		assertThat(this.endpoint.discard("default", "n-1").change()).isEqualTo(EntryChange.Change.NOT_PARKED);
	}

	@Test
	void theWebExtensionAnswers404ForAnEntryThatIsNotParked() {
		NotificationInboxWebEndpointExtension web = new NotificationInboxWebEndpointExtension(this.endpoint);
		InboxScenes.park(this.inbox, "default", "n-1", "c-1");
		InboxScenes.park(this.inbox, "default", "n-2", "c-2");
		WebEndpointResponse<EntryChange> replayed = web.replay("default", "n-1");
		assertThat(replayed.getStatus()).isEqualTo(200);
		assertThat(replayed.getBody().change()).isEqualTo(EntryChange.Change.REPLAYED);
		assertThat(web.replay("default", "unknown").getStatus()).isEqualTo(404);
		assertThat(web.discard("default", "n-2").getStatus()).isEqualTo(200);
		assertThat(web.discard("default", "n-2").getStatus()).isEqualTo(404);
	}

}
