package io.github.wechatpaycomplaint.deadline;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import static io.github.wechatpaycomplaint.deadline.TrackedComplaintTests.FILED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory ledger: the contract, and what is its own.
 */
class MemoryComplaintLedgerTests extends ComplaintLedgerContractTests {

	@Override
	protected ComplaintLedger createLedger(DeadlineRules rules, Clock clock) {
		return new MemoryComplaintLedger(rules, clock);
	}

	@Test
	void isNotSharedAndCountsItsComplaints() {
		assertThat(this.ledger.isShared()).isFalse();
		assertThat(this.ledger).hasToString("MemoryComplaintLedger[complaints=0]");
		this.ledger.record(ref("a", 1), new ComplaintFact.Filed(FILED));
		assertThat(((MemoryComplaintLedger) this.ledger).size()).isOne();
	}

}
