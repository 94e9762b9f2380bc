package io.github.wechatpaycomplaint.deadline.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.wechatpaycomplaint.deadline.ComplaintFact;
import io.github.wechatpaycomplaint.deadline.ComplaintLedger;
import io.github.wechatpaycomplaint.deadline.ComplaintRef;
import io.github.wechatpaycomplaint.deadline.DeadlineRules;
import io.github.wechatpaycomplaint.deadline.DeadlineWatcher;
import io.github.wechatpaycomplaint.deadline.MemoryComplaintLedger;
import io.github.wechatpaycomplaint.deadline.event.ComplaintDeadlineEvent;
import io.github.wechatpaycomplaint.deadline.event.FirstReplyDueSoonEvent;
import io.github.wechatpaycomplaint.deadline.event.FirstReplyOverdueEvent;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only a ledger shared through a server shows, for every shared store: two
 * instances' watchers scanning one ledger at once publish every threshold exactly once,
 * with or without the scan lock; a watcher restarted between "due soon" and "overdue"
 * neither repeats nor drops one; and a deployment that changed the rules recomputes the
 * stored next checks.
 */
interface SharedLedgerScenarios {

	DeadlineRules RULES = DeadlineRules.WECHAT_PAY;

	Instant FILED = Instant.parse("2026-12-01T00:00:00Z");

	/**
	 * A new ledger instance on the store under test, sharing the complaints of the others
	 * made by the same test.
	 * @param rules the rules
	 * @param clock the clock
	 * @return the ledger
	 */
	ComplaintLedger sharedLedger(DeadlineRules rules, Clock clock);

	/**
	 * Recomputes the next checks written under other rules, as the autoconfiguration does
	 * at startup.
	 * @param ledger a ledger of {@link #sharedLedger}
	 * @return how many complaints were rewritten
	 */
	int realign(ComplaintLedger ledger);

	/**
	 * A de-duplication store on the same server, for the watchers' scan lock.
	 * @return the store
	 */
	NotificationDeduplicationStore lockStore();

	@Test
	default void twoWatchersScanningAtOncePublishEveryThresholdExactlyOnce() throws Exception {
		scanTogether(null);
	}

	@Test
	default void twoWatchersScanningAtOnceUnderTheScanLockPublishEveryThresholdExactlyOnce() throws Exception {
		scanTogether(lockStore());
	}

	@Test
	default void aWatcherRestartedBetweenDueSoonAndOverduePublishesOnlyOverdue() {
		MutableClock clock = new MutableClock(FILED);
		ComplaintRef ref = new ComplaintRef("shop", "mch-shop", "200000001");
		List<ComplaintDeadlineEvent> first = new CopyOnWriteArrayList<>();
		ComplaintLedger ledgerA = sharedLedger(RULES, clock);
		ledgerA.record(ref, new ComplaintFact.Filed(FILED));
		clock.set(FILED.plus(Duration.ofHours(21)));
		new DeadlineWatcher(ledgerA, RULES, into(first), clock, 10).scan();
		assertThat(first).singleElement().isInstanceOf(FirstReplyDueSoonEvent.class);

		List<ComplaintDeadlineEvent> second = new CopyOnWriteArrayList<>();
		clock.set(FILED.plus(Duration.ofHours(24)));
		DeadlineWatcher watcherB = new DeadlineWatcher(sharedLedger(RULES, clock), RULES, into(second), clock, 10);
		watcherB.scan();
		watcherB.scan();
		assertThat(second).singleElement().isInstanceOf(FirstReplyOverdueEvent.class);
		assertThat(second.get(0).getComplaintId()).isEqualTo("200000001");
	}

	@Test
	default void aRulesChangeBetweenDeploymentsRecomputesTheStoredNextChecks() {
		MutableClock clock = new MutableClock(FILED);
		ComplaintLedger before = sharedLedger(RULES, clock);
		before.record(new ComplaintRef("shop", "mch-shop", "1"), new ComplaintFact.Filed(FILED));
		before.record(new ComplaintRef("shop", "mch-shop", "2"), new ComplaintFact.Filed(FILED));
		before.record(new ComplaintRef("shop", "mch-shop", "3"), new ComplaintFact.Filed(FILED));
		before.record(new ComplaintRef("shop", "mch-shop", "3"), new ComplaintFact.Completed(FILED.plusSeconds(60)));
		// First-reply warning 4h -> 6h: "due soon" at 18h instead of 20h.
		DeadlineRules sixHours = new DeadlineRules(Duration.ofHours(24), Duration.ofHours(72), Duration.ofHours(6),
				Duration.ofHours(12));
		ComplaintLedger after = sharedLedger(sixHours, clock);
		Instant at18h = FILED.plus(Duration.ofHours(18));
		assertThat(after.dueForCheck(at18h, 10)).as("written under the old rules").isEmpty();
		assertThat(realign(after)).isEqualTo(2);
		assertThat(after.dueForCheck(at18h, 10)).extracting((complaint) -> complaint.ref().complaintId())
			.containsExactly("1", "2");
		assertThat(realign(after)).isZero();
		List<ComplaintDeadlineEvent> events = new CopyOnWriteArrayList<>();
		clock.set(at18h);
		new DeadlineWatcher(after, sixHours, into(events), clock, 10).scan();
		assertThat(events).hasSize(2)
			.allSatisfy((event) -> assertThat(event).isInstanceOf(FirstReplyDueSoonEvent.class));
	}

	private void scanTogether(@Nullable NotificationDeduplicationStore lockStore) throws Exception {
		MutableClock clock = new MutableClock(FILED);
		ComplaintLedger ledgerA = sharedLedger(RULES, clock);
		ComplaintLedger ledgerB = sharedLedger(RULES, clock);
		MemoryComplaintLedger reference = new MemoryComplaintLedger(RULES, clock);
		for (int n = 0; n < 200; n++) {
			ComplaintRef ref = new ComplaintRef("merchant-" + (n % 3), "mch-" + (n % 3), "20000" + n);
			List<ComplaintFact> facts = new ArrayList<>();
			facts.add(new ComplaintFact.Filed(FILED.plus(Duration.ofMinutes(n))));
			if (n % 5 == 0) {
				facts.add(new ComplaintFact.MerchantReplied(FILED.plus(Duration.ofHours(2))));
			}
			if (n % 7 == 0) {
				facts.add(new ComplaintFact.Completed(FILED.plus(Duration.ofHours(30))));
			}
			for (ComplaintFact fact : facts) {
				// Both instances learn of the complaints.
				((n % 2 == 0) ? ledgerA : ledgerB).record(ref, fact);
				reference.record(ref, fact);
			}
		}
		List<ComplaintDeadlineEvent> eventsA = new CopyOnWriteArrayList<>();
		List<ComplaintDeadlineEvent> eventsB = new CopyOnWriteArrayList<>();
		List<ComplaintDeadlineEvent> expected = new ArrayList<>();
		Duration lease = Duration.ofMinutes(2);
		DeadlineWatcher watcherA = new DeadlineWatcher(ledgerA, RULES, into(eventsA), clock, 7, lockStore, lease);
		DeadlineWatcher watcherB = new DeadlineWatcher(ledgerB, RULES, into(eventsB), clock, 7, lockStore, lease);
		DeadlineWatcher referenceWatcher = new DeadlineWatcher(reference, RULES, into(expected), clock, 7);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			for (int hours : new int[] { 20, 21, 23, 24, 26, 61, 63, 72, 75 }) {
				clock.set(FILED.plus(Duration.ofHours(hours)));
				CountDownLatch start = new CountDownLatch(1);
				Future<Integer> a = executor.submit(() -> {
					start.await();
					return watcherA.scan();
				});
				Future<Integer> b = executor.submit(() -> {
					start.await();
					return watcherB.scan();
				});
				start.countDown();
				a.get(60, TimeUnit.SECONDS);
				b.get(60, TimeUnit.SECONDS);
				referenceWatcher.scan();
			}
		}
		finally {
			executor.shutdownNow();
		}
		List<String> published = new ArrayList<>();
		eventsA.forEach((event) -> published.add(describe(event)));
		eventsB.forEach((event) -> published.add(describe(event)));
		assertThat(new HashSet<>(published)).as("no threshold twice").hasSameSizeAs(published);
		Set<String> reachedOnce = new HashSet<>();
		expected.forEach((event) -> reachedOnce.add(describe(event)));
		assertThat(published).containsExactlyInAnyOrderElementsOf(reachedOnce);
		assertThat(reachedOnce).hasSizeGreaterThan(400);
	}

	private static ApplicationEventPublisher into(List<ComplaintDeadlineEvent> events) {
		return (event) -> events.add((ComplaintDeadlineEvent) event);
	}

	private static String describe(ComplaintDeadlineEvent event) {
		return event.getMerchantName() + "/" + event.getComplaintId() + "/" + event.getRound() + "/"
				+ event.getClass().getSimpleName();
	}

}
