package io.github.wechatpaycomplaint.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

import org.jspecify.annotations.Nullable;

/**
 * Where the complaints the starter learns of are kept, with the thresholds already
 * published. The memory ledger keeps them in this instance; a shared ledger (JDBC, Redis)
 * lets several instances watch the same complaints, each threshold published by one of
 * them.
 *
 * <p>
 * Implementations must merge facts atomically per complaint and make
 * {@link #markPublished} a compare-and-set across every instance that shares the ledger.
 *
 * @since 0.1.0
 */
public interface ComplaintLedger {

	/**
	 * Merges a fact into a complaint, adding the complaint when it is new.
	 * @param ref which complaint
	 * @param fact the fact
	 * @return the complaint before (absent when new) and after
	 */
	Recorded record(ComplaintRef ref, ComplaintFact fact);

	/**
	 * The complaint, if known.
	 * @param merchantName the merchant's entry name
	 * @param complaintId the complaint id
	 * @return the complaint
	 */
	Optional<TrackedComplaint> find(String merchantName, String complaintId);

	/**
	 * The complaints whose next threshold is reached at {@code now}, earliest first.
	 * @param now the instant
	 * @param limit at most this many
	 * @return the complaints
	 */
	List<TrackedComplaint> dueForCheck(Instant now, int limit);

	/**
	 * Marks a threshold of a round published, unless it already is or its clock has
	 * stopped meanwhile (a reply or completion recorded since the caller read the
	 * complaint).
	 * @param ref which complaint
	 * @param round the round the threshold belongs to
	 * @param threshold the threshold
	 * @return {@code true} when this call marked it (the caller publishes the event);
	 * {@code false} when it was marked before, the round has changed, its clock stopped
	 * or the complaint is unknown
	 */
	boolean markPublished(ComplaintRef ref, int round, Threshold threshold);

	/**
	 * Every open complaint (not completed) whose round start is known, in no order.
	 * @return the complaints
	 */
	List<TrackedComplaint> open();

	/**
	 * A summary per merchant with open complaints, as the gauges and the health show
	 * them. By default computed from {@link #open()}; a shared ledger adds them up in its
	 * store instead of sending every open complaint, with exactly the same result.
	 * @param now the instant "overdue" and "oldest" are judged at
	 * @param rules the deadlines
	 * @return the summaries by merchant name, in name order
	 */
	default Map<String, MerchantDeadlineSummary> summaries(Instant now, DeadlineRules rules) {
		MerchantDeadlineSummaries summaries = new MerchantDeadlineSummaries(now, rules);
		open().forEach(summaries::add);
		return summaries.summaries();
	}

	/**
	 * The open complaints whose running deadline is nearest, in the order of
	 * {@link TrackedComplaint#byUrgency}. By default sorted from {@link #open()}; a
	 * shared ledger picks them in its store instead of sending every open complaint, with
	 * the same result.
	 * @param rules the deadlines
	 * @param limit at most this many
	 * @return the complaints, most urgent first
	 */
	default List<TrackedComplaint> mostUrgent(DeadlineRules rules, int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("limit must not be negative");
		}
		Comparator<TrackedComplaint> order = TrackedComplaint.byUrgency(rules);
		// The most urgent seen so far, the least urgent of them on top: no full sort.
		PriorityQueue<TrackedComplaint> kept = new PriorityQueue<>(order.reversed());
		for (TrackedComplaint complaint : open()) {
			if (kept.size() < limit) {
				kept.add(complaint);
			}
			else if (limit > 0 && order.compare(complaint, kept.peek()) < 0) {
				kept.poll();
				kept.add(complaint);
			}
		}
		List<TrackedComplaint> urgent = new ArrayList<>(kept);
		urgent.sort(order);
		return urgent;
	}

	/**
	 * Forgets completed complaints and complaints too old to matter.
	 * @param completedRetention completed complaints are kept this long after completion
	 * @param maxAge any complaint is forgotten this long after the ledger learned of it
	 * @return how many complaints were forgotten
	 */
	int purge(Duration completedRetention, Duration maxAge);

	/**
	 * Whether other instances see this ledger; the watcher then scans under a lock.
	 * @return {@code false} for a ledger of this instance only
	 */
	default boolean isShared() {
		return false;
	}

	/**
	 * The outcome of {@link #record}.
	 *
	 * @param before the complaint before the fact, {@code null} when it was new
	 * @param after the complaint after the fact
	 */
	record Recorded(@Nullable TrackedComplaint before, TrackedComplaint after) {

		/**
		 * Whether the fact changed anything.
		 * @return {@code true} when the complaint is new or changed
		 */
		public boolean changed() {
			return !after.equals(before);
		}

	}

}
