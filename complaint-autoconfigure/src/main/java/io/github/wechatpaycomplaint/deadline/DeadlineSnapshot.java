package io.github.wechatpaycomplaint.deadline;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The complaint deadlines as they stood at one instant: a summary per merchant and the
 * most overdue complaints, what the gauges and the health show between two scans.
 *
 * @param takenAt the instant the snapshot was judged at
 * @param summaries the summaries by merchant name, in name order
 * @param mostOverdue the most overdue complaints, most overdue first (empty when none is
 * overdue or none was asked for)
 * @since 0.1.0
 */
public record DeadlineSnapshot(Instant takenAt, Map<String, MerchantDeadlineSummary> summaries,
		List<ComplaintDeadlineStatus> mostOverdue) {

	public DeadlineSnapshot {
		Objects.requireNonNull(takenAt, "takenAt");
		summaries = Collections.unmodifiableMap(new TreeMap<>(summaries));
		mostOverdue = List.copyOf(mostOverdue);
	}

	/**
	 * The overdue complaints of every merchant.
	 * @return the count
	 */
	public int overdue() {
		return this.summaries.values().stream().mapToInt(MerchantDeadlineSummary::overdue).sum();
	}

}
