package io.github.wechatpaycomplaint.deadline;

import java.time.Clock;

import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.NotificationThroughputBenchmark;

/**
 * The ledgers {@link ComplaintDeadlinesBenchmark} measures, each with the de-duplication
 * store of the same kind (an application shares both or neither).
 */
final class BenchmarkLedgers {

	private BenchmarkLedgers() {
	}

	static ComplaintLedger create(String store, DeadlineRules rules, Clock clock) {
		return switch (store) {
			case "memory" -> new MemoryComplaintLedger(rules, clock);
			default -> throw new IllegalArgumentException("Unknown ledger store " + store + "; try memory");
		};
	}

	static NotificationDeduplicationStore deduplicationStore(String store) {
		return switch (store) {
			case "memory" -> NotificationThroughputBenchmark.warmStore();
			default -> throw new IllegalArgumentException("Unknown store " + store);
		};
	}

	/**
	 * Removes what a part left in the store, so that the next starts empty.
	 */
	static void clear(String store) {
	}

	static void closeAll() {
	}

}
