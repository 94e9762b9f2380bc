package io.github.wechatpaycomplaint.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
