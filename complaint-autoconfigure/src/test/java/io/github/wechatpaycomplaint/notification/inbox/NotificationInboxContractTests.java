package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.wechatpaycomplaint.notification.event.ComplaintActionType;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static io.github.wechatpaycomplaint.notification.inbox.InboxNotifications.notification;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link NotificationInbox} promises: recording is the de-duplication, order
 * per complaint (create time, then arrival; a claimed or parked entry holds its complaint
 * back), leases that run out, retries, parking, replay and discard.
 */
abstract class NotificationInboxContractTests {

	static final Duration LEASE = Duration.ofMinutes(5);

	protected final MutableClock clock = MutableClock.atEpochSecond(1_749_776_561L);

	/** A new, empty inbox on {@link #clock}; a second call shares the first's entries. */
	protected abstract NotificationInbox inbox();

	@Test
	void recordingIsTheDeduplicationPerMerchantAndId() {
		NotificationInbox inbox = inbox();
		assertThat(inbox.record(notification("n-1", "c-1", 0))).isTrue();
		assertThat(inbox.record(notification("n-1", "c-1", 0))).isFalse();
		assertThat(inbox.record(notification("other", "n-1", "c-1", 0))).isTrue();
		assertThat(inbox.claimDue(10, LEASE)).extracting(InboxEntry::merchantName)
			.containsExactlyInAnyOrder("default", "other");
	}

	@Test
	void aClaimedEntryCarriesTheWholeNotification() {
		NotificationInbox inbox = inbox();
		ComplaintNotification notification = notification("n-1", "c-1", 0);
		inbox.record(notification);
		List<InboxEntry> claimed = inbox.claimDue(10, LEASE);
		assertThat(claimed).singleElement().satisfies((entry) -> {
			assertThat(entry.notification()).isEqualTo(notification);
			assertThat(entry.notification().createTime()).isEqualTo(notification.createTime());
			assertThat(entry.attempts()).isEqualTo(1);
			assertThat(entry.claimToken()).isNotNull();
			assertThat(entry.status()).isEqualTo(InboxEntry.Status.PENDING);
		});
	}

	@Test
	void ofTheResourceOnlyTheFieldsOfTheEventsAreStored() {
		NotificationInbox inbox = inbox();
		ComplaintNotification received = withResource(notification("n-personal", "c-1", 0),
				"{\"complaint_id\":\"c-1\",\"action_type\":\"USER_RESPONSE\",\"payer_phone\":\"13800138000\","
						+ "\"complaint_detail\":\"商品未收到\",\"payer_openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"}");
		assertThat(inbox.record(received)).isTrue();
		assertThat(inbox.claimDue(10, LEASE)).singleElement().satisfies((entry) -> {
			ComplaintNotification stored = entry.notification();
			assertThat(stored.resourceJson()).isEqualTo("{\"complaint_id\":\"c-1\",\"action_type\":\"USER_RESPONSE\"}");
			assertThat(stored.toEvent().getResource().propertyNames()).containsExactly("complaint_id", "action_type");
			assertThat(stored).isEqualTo(withResource(received, stored.resourceJson()));
		});
	}

	@Test
	void aResourceWithoutActionTypeIsStoredWithTheComplaintIdOnly() {
		NotificationInbox inbox = inbox();
		ComplaintNotification base = notification("n-no-action", "c-1", 0);
		inbox.record(new ComplaintNotification(base.merchantName(), base.merchantId(), base.id(), base.eventType(),
				base.createTime(), base.summary(), base.complaintId(), ComplaintActionType.UNKNOWN, "",
				"{\"complaint_id\":\"c-1\",\"out_trade_no\":\"ORD1\"}"));
		assertThat(inbox.claimDue(10, LEASE)).singleElement()
			.satisfies(
					(entry) -> assertThat(entry.notification().resourceJson()).isEqualTo("{\"complaint_id\":\"c-1\"}"));
	}

	static ComplaintNotification withResource(ComplaintNotification notification, String resourceJson) {
		return new ComplaintNotification(notification.merchantName(), notification.merchantId(), notification.id(),
				notification.eventType(), notification.createTime(), notification.summary(), notification.complaintId(),
				notification.actionType(), notification.rawActionType(), resourceJson);
	}

	@Test
	void aLongSummaryIsKeptWhole() {
		// The summary is WeChat Pay's text, verified but of no documented length: a
		// column too narrow for it would refuse the notification on every delivery.
		NotificationInbox inbox = inbox();
		ComplaintNotification base = notification("n-long", "c-long", 0);
		ComplaintNotification notification = new ComplaintNotification(base.merchantName(), base.merchantId(),
				base.id(), base.eventType(), base.createTime(), "投诉".repeat(3_000), base.complaintId(),
				base.actionType(), base.rawActionType(), base.resourceJson());
		assertThat(inbox.record(notification)).isTrue();
		assertThat(inbox.claimDue(10, LEASE)).singleElement()
			.satisfies((entry) -> assertThat(entry.notification()).isEqualTo(notification));
	}

	@Test
	void handsOutOneEntryPerComplaintByCreateTimeThenArrival() {
		NotificationInbox inbox = inbox();
		inbox.record(notification("late", "c-1", 20));
		inbox.record(notification("first-arrival", "c-1", 10));
		inbox.record(notification("second-arrival", "c-1", 10));
		inbox.record(notification("other", "c-2", 30));
		List<InboxEntry> first = inbox.claimDue(10, LEASE);
		assertThat(first).extracting(InboxEntry::notificationId).containsExactlyInAnyOrder("first-arrival", "other");
		assertThat(inbox.claimDue(10, LEASE)).isEmpty();
		List<String> order = new ArrayList<>();
		InboxEntry head = null;
		for (InboxEntry entry : first) {
			if (entry.notification().complaintId().equals("c-1")) {
				head = entry;
			}
			else {
				assertThat(inbox.markDone(entry)).isTrue();
			}
		}
		while (head != null) {
			order.add(head.notificationId());
			assertThat(inbox.markDone(head)).isTrue();
			head = single(inbox);
		}
		assertThat(order).containsExactly("first-arrival", "second-arrival", "late");
	}

	@Test
	void anEarlierNotificationArrivingLateWaitsForTheClaimedOne() {
		NotificationInbox inbox = inbox();
		inbox.record(notification("state-change", "c-1", 10));
		InboxEntry claimed = single(inbox);
		assertThat(claimed.notificationId()).isEqualTo("state-change");
		inbox.record(notification("create", "c-1", 0));
		assertThat(inbox.claimDue(10, LEASE)).isEmpty();
		inbox.markDone(claimed);
		assertThat(single(inbox).notificationId()).isEqualTo("create");
	}

	@Test
	void aClaimThatRanOutGoesToTheNextClaimerAndTheFirstCanChangeNothing() {
		NotificationInbox inbox = inbox();
		inbox.record(notification("n-1", "c-1", 0));
		InboxEntry first = single(inbox);
		this.clock.advance(LEASE.minusSeconds(1));
		assertThat(inbox.claimDue(10, LEASE)).isEmpty();
		this.clock.advance(Duration.ofSeconds(2));
		InboxEntry second = single(inbox);
		assertThat(second.attempts()).isEqualTo(2);
		assertThat(inbox.markDone(first)).isFalse();
		assertThat(inbox.park(first, "x")).isFalse();
		assertThat(inbox.retryLater(first, this.clock.instant(), "x")).isFalse();
		assertThat(inbox.markDone(second)).isTrue();
		this.clock.advance(LEASE.multipliedBy(2));
		assertThat(inbox.claimDue(10, LEASE)).isEmpty();
	}

	@Test
	void anOutcomeAfterTheLeaseCountsWhileNobodyClaimedTheEntryAgain() {
		NotificationInbox inbox = inbox();
		inbox.record(notification("done-late", "c-1", 0));
		inbox.record(notification("retried-late", "c-2", 0));
		inbox.record(notification("parked-late", "c-3", 0));
		List<InboxEntry> claimed = inbox.claimDue(10, LEASE);
		this.clock.advance(LEASE.plusSeconds(1));
		for (InboxEntry entry : claimed) {
			switch (entry.notificationId()) {
				case "done-late" -> assertThat(inbox.markDone(entry)).isTrue();
				case "retried-late" ->
					assertThat(inbox.retryLater(entry, this.clock.instant().plusSeconds(60), "x")).isTrue();
				default -> assertThat(inbox.park(entry, "x")).isTrue();
			}
		}
		assertThat(inbox.claimDue(10, LEASE)).isEmpty();
		assertThat(inbox.failed(10)).extracting(InboxEntry::notificationId).containsExactly("parked-late");
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(claimIds(inbox)).containsExactly("retried-late");
	}

	@Test
	void aReleasedClaimIsDueAgainAtOnceWithoutCountingAnAttempt() {
		NotificationInbox inbox = inbox();
		inbox.record(notification("n-1", "c-1", 0));
		InboxEntry claimed = single(inbox);
		assertThat(inbox.release(claimed)).isTrue();
		assertThat(inbox.release(claimed)).isFalse();
		InboxEntry again = single(inbox);
		assertThat(again.attempts()).isEqualTo(1);
		assertThat(inbox.markDone(claimed)).isFalse();
		assertThat(inbox.markDone(again)).isTrue();
	}

	@Test
	void aRetryIsDueAtItsTimeWithTheErrorKept() {
		NotificationInbox inbox = inbox();
		inbox.record(notification("n-1", "c-1", 0));
		InboxEntry entry = single(inbox);
		Instant next = this.clock.instant().plusSeconds(30);
		assertThat(inbox.retryLater(entry, next, "java.lang.IllegalStateException: boom")).isTrue();
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(inbox.claimDue(10, LEASE)).isEmpty();
		this.clock.advance(Duration.ofSeconds(1));
		InboxEntry retried = single(inbox);
		assertThat(retried.attempts()).isEqualTo(2);
		assertThat(retried.lastError()).isEqualTo("java.lang.IllegalStateException: boom");
	}

	@Test
	void theAgeOfAnEntryStartsAtItsFirstClaimIsKeptByARetryAndRestartsAfterAReplay() {
		NotificationInbox inbox = inbox();
		inbox.record(notification("n-1", "c-1", 0));
		this.clock.advance(Duration.ofDays(1));
		Instant firstClaim = this.clock.instant();
		InboxEntry first = single(inbox);
		assertThat(first.attemptsSince()).isEqualTo(firstClaim);
		assertThat(inbox.retryLater(first, this.clock.instant(), "x")).isTrue();
		this.clock.advance(Duration.ofMinutes(5));
		InboxEntry retried = single(inbox);
		assertThat(retried.attempts()).isEqualTo(2);
		assertThat(retried.attemptsSince()).isEqualTo(firstClaim);
		assertThat(inbox.park(retried, "x")).isTrue();
		assertThat(inbox.failed(10)).singleElement()
			.satisfies((parked) -> assertThat(parked.attemptsSince()).isEqualTo(firstClaim));
		this.clock.advance(Duration.ofHours(1));
		assertThat(inbox.replay("default", "n-1")).isTrue();
		this.clock.advance(Duration.ofHours(1));
		InboxEntry replayed = single(inbox);
		assertThat(replayed.attempts()).isEqualTo(1);
		assertThat(replayed.attemptsSince()).isEqualTo(this.clock.instant());
	}

	@Test
	void aParkedEntryHoldsItsComplaintBackUntilReplayed() {
		NotificationInbox inbox = inbox();
		inbox.record(notification("n-1", "c-1", 0));
		inbox.record(notification("n-2", "c-1", 5));
		InboxEntry entry = single(inbox);
		assertThat(inbox.park(entry, "java.lang.IllegalStateException: boom")).isTrue();
		assertThat(inbox.claimDue(10, LEASE)).isEmpty();
		assertThat(inbox.failed(10)).singleElement().satisfies((failed) -> {
			assertThat(failed.notificationId()).isEqualTo("n-1");
			assertThat(failed.status()).isEqualTo(InboxEntry.Status.FAILED);
			assertThat(failed.attempts()).isEqualTo(1);
			assertThat(failed.lastError()).isEqualTo("java.lang.IllegalStateException: boom");
			assertThat(failed.claimToken()).isNull();
		});
		assertThat(inbox.replay("default", "n-2")).isFalse();
		this.clock.advance(Duration.ofHours(1));
		assertThat(inbox.replay("default", "n-1")).isTrue();
		assertThat(inbox.failed(10)).isEmpty();
		this.clock.advance(Duration.ofMinutes(1));
		InboxEntry replayed = single(inbox);
		assertThat(replayed.notificationId()).isEqualTo("n-1");
		assertThat(replayed.attempts()).isEqualTo(1);
		assertThat(replayed.attemptsSince()).isEqualTo(this.clock.instant());
		inbox.markDone(replayed);
		assertThat(single(inbox).notificationId()).isEqualTo("n-2");
	}

	@Test
	void discardingAParkedEntryLetsItsComplaintGoOn() {
		NotificationInbox inbox = inbox();
		inbox.record(notification("n-1", "c-1", 0));
		inbox.record(notification("n-2", "c-1", 5));
		inbox.park(single(inbox), "boom");
		assertThat(inbox.discard("default", "n-2")).isFalse();
		assertThat(inbox.discard("default", "n-1")).isTrue();
		assertThat(inbox.failed(10)).isEmpty();
		assertThat(single(inbox).notificationId()).isEqualTo("n-2");
		assertThat(inbox.record(notification("n-1", "c-1", 0))).isFalse();
	}

	@Test
	void replayAllReplaysEveryParkedEntry() {
		NotificationInbox inbox = inbox();
		inbox.record(notification("n-1", "c-1", 0));
		inbox.record(notification("n-2", "c-2", 0));
		for (InboxEntry entry : inbox.claimDue(10, LEASE)) {
			inbox.park(entry, "boom");
		}
		assertThat(inbox.failed(1)).hasSize(1);
		assertThat(inbox.failed(10)).hasSize(2);
		assertThat(inbox.replayAll()).isEqualTo(2);
		assertThat(inbox.replayAll()).isZero();
		assertThat(claimIds(inbox)).containsExactlyInAnyOrder("n-1", "n-2");
	}

	@Test
	void purgingForgetsOldDoneEntriesOnly() {
		NotificationInbox inbox = inbox();
		inbox.record(notification("done", "c-1", 0));
		inbox.record(notification("pending", "c-2", 0));
		InboxEntry done = inbox.claimDue(10, LEASE)
			.stream()
			.filter((entry) -> entry.notificationId().equals("done"))
			.findFirst()
			.orElseThrow();
		inbox.markDone(done);
		this.clock.advance(Duration.ofDays(9));
		assertThat(inbox.purgeDone(this.clock.instant().minus(Duration.ofDays(8)))).isEqualTo(1);
		assertThat(inbox.record(notification("done", "c-1", 0))).isTrue();
		assertThat(inbox.record(notification("pending", "c-2", 0))).isFalse();
	}

	@Test
	void aRenewedLeaseKeepsTheEntryFromTheNextClaimer() {
		NotificationInbox inbox = inbox();
		inbox.record(notification("n-1", "c-1", 0));
		InboxEntry claimed = single(inbox);
		this.clock.advance(LEASE.minusSeconds(10));
		assertThat(inbox.renewLease(claimed, LEASE)).isTrue();
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(inbox.claimDue(10, LEASE)).isEmpty();
		this.clock.advance(LEASE);
		InboxEntry taken = single(inbox);
		assertThat(taken).isNotNull();
		assertThat(inbox.renewLease(claimed, LEASE)).isFalse();
		assertThat(inbox.markDone(taken)).isTrue();
		assertThat(inbox.renewLease(taken, LEASE)).isFalse();
	}

	@Test
	void theBacklogCountsPendingAndParkedEntriesAndTheOldestPendingOne() {
		NotificationInbox inbox = inbox();
		assertThat(inbox.backlog()).isEqualTo(InboxBacklog.EMPTY);
		Instant firstRecorded = this.clock.instant();
		inbox.record(notification("parked", "c-1", 0));
		this.clock.advance(Duration.ofSeconds(5));
		inbox.record(notification("pending", "c-2", 0));
		inbox.record(notification("done", "c-3", 0));
		for (InboxEntry entry : inbox.claimDue(10, LEASE)) {
			switch (entry.notificationId()) {
				case "parked" -> inbox.park(entry, "x");
				case "done" -> inbox.markDone(entry);
				default -> {
				}
			}
		}
		assertThat(inbox.backlog()).isEqualTo(new InboxBacklog(1, 1, firstRecorded.plusSeconds(5)));
		this.clock.advance(Duration.ofSeconds(5));
		inbox.replay("default", "parked");
		assertThat(inbox.backlog()).isEqualTo(new InboxBacklog(2, 0, firstRecorded.plusSeconds(5)));
	}

	@Test
	void claimsNoMoreThanAsked() {
		NotificationInbox inbox = inbox();
		for (int i = 0; i < 5; i++) {
			inbox.record(notification("n-" + i, "c-" + i, i));
		}
		assertThat(inbox.claimDue(2, LEASE)).hasSize(2);
		assertThat(inbox.claimDue(10, LEASE)).hasSize(3);
	}

	private static List<String> claimIds(NotificationInbox inbox) {
		return inbox.claimDue(10, LEASE).stream().map(InboxEntry::notificationId).toList();
	}

	private static InboxEntry single(NotificationInbox inbox) {
		List<InboxEntry> claimed = inbox.claimDue(10, LEASE);
		assertThat(claimed).hasSizeLessThanOrEqualTo(1);
		return claimed.isEmpty() ? null : claimed.get(0);
	}

}
