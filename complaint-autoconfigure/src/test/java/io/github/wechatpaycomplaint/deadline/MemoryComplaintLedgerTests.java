package io.github.wechatpaycomplaint.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.wechatpaycomplaint.deadline.ComplaintFact.Completed;
import io.github.wechatpaycomplaint.deadline.ComplaintFact.Filed;
import io.github.wechatpaycomplaint.deadline.ComplaintFact.MerchantReplied;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static io.github.wechatpaycomplaint.deadline.TrackedComplaintTests.FILED;
import static io.github.wechatpaycomplaint.deadline.TrackedComplaintTests.RULES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory ledger: merging, the due index, compare-and-set publishing and purging.
 */
class MemoryComplaintLedgerTests {

	private final MutableClock clock = new MutableClock(FILED);

	private final MemoryComplaintLedger ledger = new MemoryComplaintLedger(RULES, this.clock);

	static ComplaintRef ref(String merchant, int n) {
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
		assertThat(this.ledger.size()).isOne();
		this.clock.set(FILED.plus(Duration.ofDays(31)));
		assertThat(this.ledger.purge(Duration.ofDays(7), Duration.ofDays(30))).isOne();
		assertThat(this.ledger.size()).isZero();
		assertThat(this.ledger.dueForCheck(FILED.plus(Duration.ofDays(40)), 10)).isEmpty();
	}

	@Test
	void isNotShared() {
		assertThat(this.ledger.isShared()).isFalse();
		assertThat(this.ledger).hasToString("MemoryComplaintLedger[complaints=0]");
	}

}
