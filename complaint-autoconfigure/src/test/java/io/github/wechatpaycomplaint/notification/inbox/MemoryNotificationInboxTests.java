package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.github.wechatpaycomplaint.notification.inbox.InboxNotifications.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The inbox contract for the inbox in memory, and claiming that does not slow down with
 * the entries already done.
 */
class MemoryNotificationInboxTests extends NotificationInboxContractTests {

	@Override
	protected NotificationInbox inbox() {
		return new MemoryNotificationInbox(this.clock);
	}

	@Test
	void claimingLooksAtOpenComplaintsOnlyNotAtEveryEntryDone() {
		MemoryNotificationInbox inbox = new MemoryNotificationInbox(this.clock);
		int done = 50_000;
		for (int i = 0; i < done; i++) {
			inbox.record(notification("done-" + i, "c-" + (i % 5_000), i));
		}
		while (true) {
			List<InboxEntry> claimed = inbox.claimDue(1_000, LEASE);
			if (claimed.isEmpty()) {
				break;
			}
			claimed.forEach(inbox::markDone);
		}
		inbox.record(notification("open", "c-open", 0));
		// A poller polls many times a second: with every done entry looked at on each
		// poll, these polls take minutes.
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
			for (int i = 0; i < 5_000; i++) {
				assertThat(inbox.claimDue(10, LEASE)).hasSizeLessThanOrEqualTo(1);
			}
		});
		assertThat(inbox.backlog().pending()).isEqualTo(1);
	}

}
