package io.github.wechatpaycomplaint.deadline;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wechatpaycomplaint.deadline.ComplaintFact.Continued;
import io.github.wechatpaycomplaint.deadline.ComplaintFact.Filed;
import io.github.wechatpaycomplaint.deadline.ComplaintFact.MerchantReplied;
import io.github.wechatpaycomplaint.deadline.event.ComplaintDeadlineEvent;
import io.github.wechatpaycomplaint.deadline.event.FirstReplyDueSoonEvent;
import io.github.wechatpaycomplaint.deadline.event.FirstReplyOverdueEvent;
import io.github.wechatpaycomplaint.deadline.event.ResolutionDueSoonEvent;
import io.github.wechatpaycomplaint.deadline.event.ResolutionOverdueEvent;
import io.github.wechatpaycomplaint.notification.NotificationClaim;
import io.github.wechatpaycomplaint.notification.store.CaffeineNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;

import static io.github.wechatpaycomplaint.deadline.TrackedComplaintTests.FILED;
import static io.github.wechatpaycomplaint.deadline.TrackedComplaintTests.RULES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher publishes each threshold once, across watchers and restarts.
 */
class DeadlineWatcherTests {

	private final MutableClock clock = new MutableClock(FILED);

	private final MemoryComplaintLedger ledger = new MemoryComplaintLedger(RULES, this.clock);

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final ApplicationEventPublisher publisher = this.events::add;

	private final ComplaintRef ref = MemoryComplaintLedgerTests.ref("a", 1);

	private DeadlineWatcher watcher() {
		return new DeadlineWatcher(this.ledger, RULES, this.publisher, this.clock, 2);
	}

	@Test
	void everyThresholdIsPublishedOnceAtItsTime() {
		this.ledger.record(this.ref, new Filed(FILED));
		DeadlineWatcher watcher = watcher();
		assertThat(watcher.scan()).isZero();
		this.clock.set(FILED.plus(Duration.ofHours(20)));
		assertThat(watcher.scan()).isOne();
		assertThat(watcher.scan()).isZero();
		this.clock.set(FILED.plus(Duration.ofHours(24)));
		watcher.scan();
		this.clock.set(FILED.plus(Duration.ofHours(60)));
		watcher.scan();
		this.clock.set(FILED.plus(Duration.ofHours(72)));
		watcher.scan();
		watcher.scan();
		assertThat(this.events).hasExactlyElementsOfTypes(FirstReplyDueSoonEvent.class, FirstReplyOverdueEvent.class,
				ResolutionDueSoonEvent.class, ResolutionOverdueEvent.class);
		ComplaintDeadlineEvent overdue = (ComplaintDeadlineEvent) this.events.get(1);
		assertThat(overdue.getMerchantName()).isEqualTo("a");
		assertThat(overdue.getMerchantId()).isEqualTo("mch-a");
		assertThat(overdue.getComplaintId()).isEqualTo("20000001");
		assertThat(overdue.getRound()).isOne();
		assertThat(overdue.getDeadline()).isEqualTo(FILED.plus(Duration.ofHours(24)));
		assertThat(overdue).hasToString("FirstReplyOverdueEvent[merchant=a, complaintId=20000001, round=1, deadline="
				+ FILED.plus(Duration.ofHours(24)) + "]");
		assertThat(((ComplaintDeadlineEvent) this.events.get(3)).getDeadline())
			.isEqualTo(FILED.plus(Duration.ofHours(72)));
	}

	@Test
	void twoWatchersSharingOneLedgerPublishEachThresholdOnce() throws Exception {
		for (int n = 0; n < 50; n++) {
			this.ledger.record(MemoryComplaintLedgerTests.ref("a", n), new Filed(FILED));
		}
		DeadlineWatcher one = watcher();
		DeadlineWatcher two = watcher();
		this.clock.set(FILED.plus(Duration.ofHours(21)));
		Thread other = new Thread(two::scan);
		other.start();
		one.scan();
		other.join();
		assertThat(this.events).hasSize(50).allMatch(FirstReplyDueSoonEvent.class::isInstance);
		assertThat(this.events).extracting((event) -> ((ComplaintDeadlineEvent) event).getComplaintId())
			.doesNotHaveDuplicates();
	}

	@Test
	void aRestartBetweenDueSoonAndOverdueNeitherRepeatsNorDrops() {
		this.ledger.record(this.ref, new Filed(FILED));
		this.clock.set(FILED.plus(Duration.ofHours(21)));
		watcher().scan();
		// A new watcher on the same ledger, as after a restart with a shared ledger.
		DeadlineWatcher restarted = watcher();
		restarted.scan();
		this.clock.set(FILED.plus(Duration.ofHours(25)));
		restarted.scan();
		assertThat(this.events).hasExactlyElementsOfTypes(FirstReplyDueSoonEvent.class, FirstReplyOverdueEvent.class);
	}

	@Test
	void aComplaintAlreadyOverdueWhenLearnedIsReportedAsOverdueOnly() {
		this.clock.set(FILED.plus(Duration.ofDays(4)));
		this.ledger.record(this.ref, new Filed(FILED));
		watcher().scan();
		assertThat(this.events).hasExactlyElementsOfTypes(FirstReplyOverdueEvent.class, ResolutionOverdueEvent.class);
	}

	@Test
	void aReplyBeforeTheDeadlineStopsTheFirstReplyEvents() {
		this.ledger.record(this.ref, new Filed(FILED));
		this.ledger.record(this.ref, new MerchantReplied(FILED.plus(Duration.ofHours(2))));
		this.clock.set(FILED.plus(Duration.ofHours(30)));
		watcher().scan();
		assertThat(this.events).isEmpty();
	}

	@Test
	void aReopenedComplaintGetsItsThresholdsAgain() {
		this.ledger.record(this.ref, new Filed(FILED));
		this.clock.set(FILED.plus(Duration.ofHours(25)));
		watcher().scan();
		this.ledger.record(this.ref, new Continued(FILED.plus(Duration.ofHours(26))));
		watcher().scan();
		this.clock.set(FILED.plus(Duration.ofHours(26 + 24)));
		watcher().scan();
		assertThat(this.events).hasExactlyElementsOfTypes(FirstReplyOverdueEvent.class, FirstReplyOverdueEvent.class);
		assertThat(((ComplaintDeadlineEvent) this.events.get(1)).getRound()).isEqualTo(2);
	}

	@Test
	void moreDueComplaintsThanABatchAreAllPublishedInOneScan() {
		for (int n = 0; n < 7; n++) {
			this.ledger.record(MemoryComplaintLedgerTests.ref("b", n), new Filed(FILED));
		}
		this.clock.set(FILED.plus(Duration.ofHours(21)));
		assertThat(watcher().scan()).isEqualTo(7);
	}

	@Test
	void aFailingListenerIsLoggedAndTheEventIsNotRepeated() {
		this.ledger.record(this.ref, new Filed(FILED));
		this.clock.set(FILED.plus(Duration.ofHours(21)));
		int[] calls = new int[1];
		DeadlineWatcher failing = new DeadlineWatcher(this.ledger, RULES, (event) -> {
			calls[0]++;
			throw new IllegalStateException("listener down");
		}, this.clock, 10);
		assertThat(failing.scan()).isZero();
		assertThat(failing.scan()).isZero();
		assertThat(calls[0]).isOne();
	}

	@Test
	void onASharedLedgerAScanWaitsForTheLockHolder() {
		SharedMemoryLedger shared = new SharedMemoryLedger(this.ledger);
		CaffeineNotificationDeduplicationStore store = new CaffeineNotificationDeduplicationStore(1000,
				Duration.ofDays(1));
		this.ledger.record(this.ref, new Filed(FILED));
		this.clock.set(FILED.plus(Duration.ofHours(21)));
		DeadlineWatcher locked = new DeadlineWatcher(shared, RULES, this.publisher, this.clock, 10, store,
				Duration.ofMinutes(2));
		NotificationClaim held = store.claim(DeadlineWatcher.LOCK_KEY, Duration.ofMinutes(2));
		assertThat(locked.scan()).isZero();
		store.release(held);
		assertThat(locked.scan()).isOne();
		// The lock was released after the scan.
		assertThat(store.claim(DeadlineWatcher.LOCK_KEY, Duration.ofMinutes(2)).status())
			.isEqualTo(NotificationClaim.Status.CLAIMED);
	}

	@Test
	void aLedgerOfThisInstanceIsScannedWithoutTheLock() {
		CaffeineNotificationDeduplicationStore store = new CaffeineNotificationDeduplicationStore(1000,
				Duration.ofDays(1));
		this.ledger.record(this.ref, new Filed(FILED));
		this.clock.set(FILED.plus(Duration.ofHours(21)));
		store.claim(DeadlineWatcher.LOCK_KEY, Duration.ofMinutes(2));
		assertThat(new DeadlineWatcher(this.ledger, RULES, this.publisher, this.clock, 10, store, Duration.ofMinutes(2))
			.scan()).isOne();
	}

	/** The memory ledger posing as a shared one. */
	private record SharedMemoryLedger(MemoryComplaintLedger delegate) implements ComplaintLedger {

		@Override
		public Recorded record(ComplaintRef ref, ComplaintFact fact) {
			return this.delegate.record(ref, fact);
		}

		@Override
		public java.util.Optional<TrackedComplaint> find(String merchantName, String complaintId) {
			return this.delegate.find(merchantName, complaintId);
		}

		@Override
		public List<TrackedComplaint> dueForCheck(java.time.Instant now, int limit) {
			return this.delegate.dueForCheck(now, limit);
		}

		@Override
		public boolean markPublished(ComplaintRef ref, int round, Threshold threshold) {
			return this.delegate.markPublished(ref, round, threshold);
		}

		@Override
		public List<TrackedComplaint> open() {
			return this.delegate.open();
		}

		@Override
		public int purge(Duration completedRetention, Duration maxAge) {
			return this.delegate.purge(completedRetention, maxAge);
		}

		@Override
		public boolean isShared() {
			return true;
		}

	}

}
