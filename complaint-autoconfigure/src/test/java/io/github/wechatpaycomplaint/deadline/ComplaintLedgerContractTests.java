package io.github.wechatpaycomplaint.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.wechatpaycomplaint.deadline.ComplaintFact.Completed;
import io.github.wechatpaycomplaint.deadline.ComplaintFact.Continued;
import io.github.wechatpaycomplaint.deadline.ComplaintFact.Filed;
import io.github.wechatpaycomplaint.deadline.ComplaintFact.MerchantReplied;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.wechatpaycomplaint.deadline.TrackedComplaintTests.FILED;
import static io.github.wechatpaycomplaint.deadline.TrackedComplaintTests.RULES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What every {@link ComplaintLedger} must do: merging, reading the due complaints only,
 * compare-and-set publishing, and purging. A shared ledger's subclass adds what only
 * sharing needs (two ledgers on one store).
 */
public abstract class ComplaintLedgerContractTests {

	protected final MutableClock clock = new MutableClock(FILED);

	protected ComplaintLedger ledger;

	/**
	 * A new, empty ledger on the store under test.
	 * @param rules the rules
	 * @param clock the clock
	 * @return the ledger
	 */
	protected abstract ComplaintLedger createLedger(DeadlineRules rules, Clock clock);

	@BeforeEach
	void createLedger() {
		this.ledger = createLedger(RULES, this.clock);
	}

	public static ComplaintRef ref(String merchant, int n) {
		return new ComplaintRef(merchant, "mch-" + merchant, "2000000" + n);
	}

	@Test
	void recordMergesAndTellsWhatChanged() {
		ComplaintLedger.Recorded first = this.ledger.record(ref("a", 1), new Filed(FILED));
		assertThat(first.before()).isNull();
		assertThat(first.changed()).isTrue();
		ComplaintLedger.Recorded again = this.ledger.record(ref("a", 1), new Filed(FILED));
		assertThat(again.changed()).isFalse();
		assertThat(this.ledger.find("a", "20000001")).contains(again.after());
		assertThat(this.ledger.find("b", "20000001")).isEmpty();
		assertThat(first.after().learnedAt()).isEqualTo(FILED);
	}

	@Test
	void dueForCheckReadsOnlyDueComplaintsEarliestFirstWithinTheLimit() {
		for (int n = 0; n < 5; n++) {
			this.ledger.record(ref("a", n), new Filed(FILED.plus(Duration.ofHours(n))));
		}
		Instant now = FILED.plus(Duration.ofHours(22));
		assertThat(this.ledger.dueForCheck(now, 10)).extracting((complaint) -> complaint.ref().complaintId())
			.containsExactly("20000000", "20000001", "20000002");
		assertThat(this.ledger.dueForCheck(now, 2)).hasSize(2);
		assertThat(this.ledger.dueForCheck(FILED, 10)).isEmpty();
	}

	@Test
	void aReplyMovesTheComplaintOutOfTheDueIndex() {
		this.ledger.record(ref("a", 1), new Filed(FILED));
		this.ledger.record(ref("a", 1), new MerchantReplied(FILED.plus(Duration.ofHours(1))));
		assertThat(this.ledger.dueForCheck(FILED.plus(Duration.ofHours(23)), 10)).isEmpty();
		assertThat(this.ledger.dueForCheck(FILED.plus(Duration.ofHours(60)), 10)).hasSize(1);
		this.ledger.record(ref("a", 1), new Completed(FILED.plus(Duration.ofHours(2))));
		assertThat(this.ledger.dueForCheck(FILED.plus(Duration.ofDays(10)), 10)).isEmpty();
		assertThat(this.ledger.open()).isEmpty();
	}

	@Test
	void markPublishedIsACompareAndSet() {
		this.ledger.record(ref("a", 1), new Filed(FILED));
		assertThat(this.ledger.markPublished(ref("a", 1), 1, Threshold.FIRST_REPLY_DUE_SOON)).isTrue();
		assertThat(this.ledger.markPublished(ref("a", 1), 1, Threshold.FIRST_REPLY_DUE_SOON)).isFalse();
		assertThat(this.ledger.markPublished(ref("a", 1), 2, Threshold.FIRST_REPLY_OVERDUE)).isFalse();
		assertThat(this.ledger.markPublished(ref("a", 2), 1, Threshold.FIRST_REPLY_OVERDUE)).isFalse();
		assertThat(this.ledger.dueForCheck(FILED.plus(Duration.ofHours(23)), 10)).isEmpty();
		assertThat(this.ledger.dueForCheck(FILED.plus(Duration.ofHours(24)), 10)).hasSize(1);
	}

	@Test
	void aThresholdWhoseClockStoppedMeanwhileIsNotMarked() {
		this.ledger.record(ref("a", 1), new Filed(FILED));
		TrackedComplaint read = this.ledger.dueForCheck(FILED.plus(Duration.ofHours(21)), 10).get(0);
		this.ledger.record(ref("a", 1), new MerchantReplied(FILED.plus(Duration.ofHours(21))));
		assertThat(this.ledger.markPublished(read.ref(), read.round(), Threshold.FIRST_REPLY_DUE_SOON)).isFalse();
		assertThat(this.ledger.markPublished(read.ref(), read.round(), Threshold.RESOLUTION_DUE_SOON)).isTrue();
		this.ledger.record(ref("a", 1), new Completed(FILED.plus(Duration.ofHours(22))));
		assertThat(this.ledger.markPublished(read.ref(), read.round(), Threshold.RESOLUTION_OVERDUE)).isFalse();
	}

	@Test
	void concurrentMarksHaveOneWinner() throws Exception {
		this.ledger.record(ref("a", 1), new Filed(FILED));
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> marks = new ArrayList<>();
			for (int i = 0; i < 64; i++) {
				marks.add(() -> this.ledger.markPublished(ref("a", 1), 1, Threshold.FIRST_REPLY_OVERDUE));
			}
			long winners = 0;
			for (Future<Boolean> result : executor.invokeAll(marks)) {
				winners += result.get() ? 1 : 0;
			}
			assertThat(winners).isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void purgeForgetsCompletedAfterRetentionAndEverythingAfterMaxAge() {
		this.ledger.record(ref("a", 1), new Filed(FILED));
		this.ledger.record(ref("a", 1), new Completed(FILED.plus(Duration.ofHours(1))));
		this.ledger.record(ref("a", 2), new Filed(FILED));
		this.clock.set(FILED.plus(Duration.ofDays(7)));
		assertThat(this.ledger.purge(Duration.ofDays(7), Duration.ofDays(30))).isZero();
		this.clock.set(FILED.plus(Duration.ofDays(7)).plus(Duration.ofHours(2)));
		assertThat(this.ledger.purge(Duration.ofDays(7), Duration.ofDays(30))).isOne();
		assertThat(this.ledger.find("a", "20000001")).isEmpty();
		assertThat(this.ledger.find("a", "20000002")).isPresent();
		this.clock.set(FILED.plus(Duration.ofDays(31)));
		assertThat(this.ledger.purge(Duration.ofDays(7), Duration.ofDays(30))).isOne();
		assertThat(this.ledger.find("a", "20000002")).isEmpty();
		assertThat(this.ledger.dueForCheck(FILED.plus(Duration.ofDays(40)), 10)).isEmpty();
	}

	@Test
	void findReturnsEveryFieldAsRecorded() {
		ComplaintRef ref = ref("a", 1);
		this.ledger.record(ref, new Filed(FILED));
		this.ledger.record(ref, new ComplaintFact.PlatformServiceRequested(FILED.plusMillis(1500)));
		this.ledger.record(ref, new MerchantReplied(FILED.plus(Duration.ofHours(2))));
		this.ledger.markPublished(ref, 1, Threshold.RESOLUTION_DUE_SOON);
		TrackedComplaint expected = TrackedComplaint.learned(ref, FILED)
			.merge(new Filed(FILED))
			.merge(new ComplaintFact.PlatformServiceRequested(FILED.plusMillis(1500)))
			.merge(new MerchantReplied(FILED.plus(Duration.ofHours(2))))
			.withPublished(Threshold.RESOLUTION_DUE_SOON);
		assertThat(this.ledger.find("a", "20000001")).contains(expected);
	}

	@Test
	void aReopenedComplaintStartsANewRoundWithNothingPublished() {
		ComplaintRef ref = ref("a", 1);
		this.ledger.record(ref, new Filed(FILED));
		assertThat(this.ledger.markPublished(ref, 1, Threshold.FIRST_REPLY_OVERDUE)).isTrue();
		this.ledger.record(ref, new Completed(FILED.plus(Duration.ofHours(30))));
		assertThat(this.ledger.open()).isEmpty();
		Instant reopened = FILED.plus(Duration.ofHours(40));
		ComplaintLedger.Recorded recorded = this.ledger.record(ref, new Continued(reopened));
		assertThat(recorded.after().round()).isEqualTo(2);
		assertThat(recorded.after().published()).isEmpty();
		assertThat(this.ledger.open()).containsExactly(recorded.after());
		assertThat(this.ledger.markPublished(ref, 1, Threshold.FIRST_REPLY_DUE_SOON)).isFalse();
		assertThat(this.ledger.dueForCheck(reopened.plus(Duration.ofHours(20)), 10)).containsExactly(recorded.after());
		assertThat(this.ledger.markPublished(ref, 2, Threshold.FIRST_REPLY_DUE_SOON)).isTrue();
	}

	@Test
	void concurrentFactsOnOneComplaintAreAllKept() throws Exception {
		ComplaintRef ref = ref("a", 1);
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Callable<ComplaintLedger.Recorded>> facts = List.of(() -> this.ledger.record(ref, new Filed(FILED)),
					() -> this.ledger.record(ref, new MerchantReplied(FILED.plus(Duration.ofHours(1)))),
					() -> this.ledger.record(ref,
							new ComplaintFact.PlatformServiceRequested(FILED.plus(Duration.ofHours(2)))),
					() -> this.ledger.record(ref, new Completed(FILED.plus(Duration.ofHours(3)))));
			for (Future<ComplaintLedger.Recorded> result : executor.invokeAll(facts)) {
				result.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		TrackedComplaint complaint = this.ledger.find("a", "20000001").orElseThrow();
		assertThat(complaint.roundStart()).isEqualTo(FILED);
		assertThat(complaint.firstReplyAt()).isEqualTo(FILED.plus(Duration.ofHours(1)));
		assertThat(complaint.platformServiceRequestedAt()).isEqualTo(FILED.plus(Duration.ofHours(2)));
		assertThat(complaint.completedAt()).isEqualTo(FILED.plus(Duration.ofHours(3)));
	}

	/**
	 * Complaints in every state, several of them exactly on a deadline or a millisecond
	 * from it, judged at an instant half a millisecond past a whole one (stores keep
	 * whole milliseconds).
	 */
	@Test
	void summariesEqualTheComputationFromTheOpenComplaintsToTheEdges() {
		Instant now = FILED.plus(Duration.ofHours(100)).plusNanos(500_000);
		Instant wholeNow = FILED.plus(Duration.ofHours(100));
		// Awaiting a first reply: due exactly at now's millisecond (overdue), a
		// millisecond
		// later (not yet), well before; one reopened.
		this.ledger.record(ref("a", 1), new Filed(wholeNow.minus(Duration.ofHours(24))));
		this.ledger.record(ref("a", 2), new Filed(wholeNow.minus(Duration.ofHours(24)).plusMillis(1)));
		this.ledger.record(ref("a", 3), new Filed(FILED.plus(Duration.ofHours(90))));
		this.ledger.record(ref("a", 3), new ComplaintFact.PlatformServiceRequested(FILED.plus(Duration.ofHours(91))));
		this.ledger.record(ref("a", 7), new Filed(FILED));
		this.ledger.record(ref("a", 7), new Completed(FILED.plus(Duration.ofHours(5))));
		this.ledger.record(ref("a", 7), new Continued(FILED.plus(Duration.ofHours(80))));
		// Replied: resolution due exactly at now's millisecond, a millisecond later.
		this.ledger.record(ref("a", 4), new Filed(wholeNow.minus(Duration.ofHours(72))));
		this.ledger.record(ref("a", 4), new MerchantReplied(FILED.plus(Duration.ofHours(29))));
		this.ledger.record(ref("a", 5), new Filed(wholeNow.minus(Duration.ofHours(72)).plusMillis(1)));
		this.ledger.record(ref("a", 5), new MerchantReplied(FILED.plus(Duration.ofHours(29))));
		// Not open: completed, and a reply without a filing time.
		this.ledger.record(ref("a", 6), new Filed(FILED.plus(Duration.ofHours(10))));
		this.ledger.record(ref("a", 6), new Completed(FILED.plus(Duration.ofHours(20))));
		this.ledger.record(ref("a", 8), new MerchantReplied(FILED.plus(Duration.ofHours(99))));
		// Only replied complaints, one overdue.
		this.ledger.record(ref("b", 1), new Filed(FILED.plus(Duration.ofHours(50))));
		this.ledger.record(ref("b", 1), new MerchantReplied(FILED.plus(Duration.ofHours(51))));
		this.ledger.record(ref("b", 2), new Filed(FILED.plus(Duration.ofHours(20))));
		this.ledger.record(ref("b", 2), new MerchantReplied(FILED.plus(Duration.ofHours(21))));
		// Filed after now (another clock ahead): awaiting, its age zero.
		this.ledger.record(ref("c", 1), new Filed(FILED.plus(Duration.ofHours(101))));
		// Completed only: no summary.
		this.ledger.record(ref("d", 1), new Filed(FILED.plus(Duration.ofHours(60))));
		this.ledger.record(ref("d", 1), new Completed(FILED.plus(Duration.ofHours(61))));
		this.ledger.record(ref("商户:1", 1), new Filed(FILED.plus(Duration.ofHours(99))));

		Map<String, MerchantDeadlineSummary> summaries = this.ledger.summaries(now, RULES);
		MerchantDeadlineSummaries fromOpen = new MerchantDeadlineSummaries(now, RULES);
		this.ledger.open().forEach(fromOpen::add);
		assertThat(summaries).isEqualTo(fromOpen.summaries());
		assertThat(summaries.keySet()).containsExactly("a", "b", "c", "商户:1");
		assertThat(summaries.get("a"))
			.isEqualTo(new MerchantDeadlineSummary("a", 6, 4, 2, Duration.ofHours(24).plusNanos(500_000)));
		assertThat(summaries.get("b")).isEqualTo(new MerchantDeadlineSummary("b", 2, 0, 1, Duration.ZERO));
		assertThat(summaries.get("c")).isEqualTo(new MerchantDeadlineSummary("c", 1, 1, 0, Duration.ZERO));
		assertThat(summaries.get("商户:1"))
			.isEqualTo(new MerchantDeadlineSummary("商户:1", 1, 1, 0, Duration.ofHours(1).plusNanos(500_000)));
		// A millisecond earlier, the complaints due exactly at now are not overdue yet.
		assertThat(this.ledger.summaries(wholeNow.minusMillis(1), RULES).get("a").overdue()).isZero();
		assertThat(this.ledger.summaries(wholeNow, RULES).get("a").overdue()).isEqualTo(2);
	}

	/**
	 * Ties of the nearest deadline between complaints awaiting a reply and replied ones,
	 * across merchants whose names sort differently by code point and by a database's
	 * collation ("B" before "a"); rules with sub-millisecond times too.
	 */
	@Test
	void mostUrgentEqualsTheOpenComplaintsSortedByUrgencyTiesIncluded() {
		Instant t = FILED.plus(Duration.ofHours(50));
		int n = 0;
		for (String merchant : List.of("a", "B", "b", "a-")) {
			// Due at t + 24h twice: awaiting since t, replied since t - 48h.
			this.ledger.record(ref(merchant, ++n), new Filed(t));
			this.ledger.record(ref(merchant, ++n), new Filed(t.minus(Duration.ofHours(48))));
			this.ledger.record(ref(merchant, n), new MerchantReplied(t.minus(Duration.ofHours(47))));
			this.ledger.record(ref(merchant, ++n), new Filed(t.minusMillis(1)));
			this.ledger.record(ref(merchant, ++n), new Filed(t.plusMillis(1)));
			this.ledger.record(ref(merchant, ++n), new Filed(t.minus(Duration.ofHours(30))));
			this.ledger.record(ref(merchant, n), new Completed(t));
			this.ledger.record(ref(merchant, ++n), new MerchantReplied(t));
		}
		this.ledger.record(ref("c", ++n), new Filed(FILED));
		this.ledger.record(ref("c", n), new Completed(FILED.plus(Duration.ofHours(1))));
		this.ledger.record(ref("c", n), new Continued(t.minus(Duration.ofHours(2))));
		DeadlineRules subMillisecond = new DeadlineRules(Duration.ofHours(24).plusNanos(400_000),
				Duration.ofHours(72).plusNanos(900_000), Duration.ofHours(4), Duration.ofHours(12));
		for (DeadlineRules rules : List.of(RULES, subMillisecond)) {
			List<TrackedComplaint> sorted = this.ledger.open()
				.stream()
				.sorted(TrackedComplaint.byUrgency(rules))
				.toList();
			assertThat(sorted).hasSize(17);
			for (int limit : new int[] { 0, 1, 2, 3, 5, 9, 16, 17, 40 }) {
				assertThat(this.ledger.mostUrgent(rules, limit)).as("%s, limit %d", rules, limit)
					.containsExactlyElementsOf(sorted.subList(0, Math.min(limit, sorted.size())));
			}
		}
		assertThat(this.ledger.mostUrgent(RULES, 3)).extracting((complaint) -> complaint.ref().complaintId())
			.containsExactly("200000025", "20000009", "20000003");
	}

	@Test
	void mostUrgentRefusesANegativeLimit() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.ledger.mostUrgent(RULES, -1));
	}

	@Test
	void summariesOfAnEmptyLedgerAreEmpty() {
		assertThat(this.ledger.summaries(FILED, RULES)).isEmpty();
	}

	@Test
	void complaintsOfManyMerchantsAreKeptApart() {
		this.ledger.record(ref("a", 1), new Filed(FILED));
		this.ledger.record(ref("b", 1), new Filed(FILED.plus(Duration.ofHours(1))));
		assertThat(this.ledger.markPublished(ref("a", 1), 1, Threshold.FIRST_REPLY_DUE_SOON)).isTrue();
		assertThat(this.ledger.find("b", "20000001").orElseThrow().published()).isEmpty();
		assertThat(this.ledger.open()).extracting((complaint) -> complaint.ref().merchantName())
			.containsExactlyInAnyOrder("a", "b");
	}

}
