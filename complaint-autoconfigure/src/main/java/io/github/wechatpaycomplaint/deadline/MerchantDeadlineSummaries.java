package io.github.wechatpaycomplaint.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link MerchantDeadlineSummary} of each merchant at one instant, from open
 * complaints one by one ({@link #add(TrackedComplaint)}) or from counts a store already
 * added up ({@link #addCounts}); every ledger's {@link ComplaintLedger#summaries} ends
 * here, so that they agree to the millisecond.
 *
 * <p>
 * A complaint is overdue once {@code now} is not before its nearest running deadline
 * ({@link TrackedComplaint#isOverdue}); stores that compare epoch milliseconds use
 * {@link #firstReplyOverdueAtOrBefore()} and {@link #resolutionOverdueAtOrBefore()}. Not
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class MerchantDeadlineSummaries {

	private final Instant now;

	private final DeadlineRules rules;

	private final Map<String, Counts> counts = new HashMap<>();

	/**
	 * Starts empty.
	 * @param now the instant the summaries are taken at
	 * @param rules the deadlines
	 */
	public MerchantDeadlineSummaries(Instant now, DeadlineRules rules) {
		this.now = Objects.requireNonNull(now, "now");
		this.rules = Objects.requireNonNull(rules, "rules");
	}

	/**
	 * Counts a complaint if it is open and its round start known; others are ignored.
	 * @param complaint the complaint
	 */
	public void add(TrackedComplaint complaint) {
		Instant start = complaint.roundStart();
		if (!complaint.isOpen() || start == null) {
			return;
		}
		boolean awaiting = complaint.firstReplyAt() == null;
		addCounts(complaint.ref().merchantName(), 1, awaiting ? 1 : 0,
				complaint.isOverdue(this.now, this.rules) ? 1 : 0, awaiting ? start : null);
	}

	/**
	 * Adds counts a store computed over some of a merchant's open complaints; several
	 * calls for one merchant add up.
	 * @param merchantName the merchant's entry name
	 * @param open open complaints with a known round start
	 * @param awaitingFirstReply those of them not replied to in their round
	 * @param overdue those of them past their nearest running deadline
	 * @param oldestAwaitingStart the earliest round start among those awaiting a reply,
	 * {@code null} when none is
	 */
	public void addCounts(String merchantName, int open, int awaitingFirstReply, int overdue,
			@Nullable Instant oldestAwaitingStart) {
		Objects.requireNonNull(merchantName, "merchantName");
		this.counts.computeIfAbsent(merchantName, (name) -> new Counts())
			.add(open, awaitingFirstReply, overdue, oldestAwaitingStart);
	}

	/**
	 * The latest round start of a complaint awaiting a first reply that is overdue:
	 * {@code now} minus the first-reply time, cut to the millisecond below (a start in
	 * whole milliseconds is overdue exactly when it is at or before this).
	 * @return epoch milliseconds
	 */
	public long firstReplyOverdueAtOrBefore() {
		return this.now.minus(this.rules.firstReply()).toEpochMilli();
	}

	/**
	 * The latest round start of a replied complaint that is overdue: {@code now} minus
	 * the resolution time, cut to the millisecond below.
	 * @return epoch milliseconds
	 */
	public long resolutionOverdueAtOrBefore() {
		return this.now.minus(this.rules.resolution()).toEpochMilli();
	}

	/**
	 * The summaries of the merchants with at least one open complaint.
	 * @return the summaries by merchant name, in name order
	 */
	public Map<String, MerchantDeadlineSummary> summaries() {
		Map<String, MerchantDeadlineSummary> summaries = new TreeMap<>();
		this.counts.forEach((name, count) -> {
			if (count.open > 0) {
				summaries.put(name, count.summary(name, this.now));
			}
		});
		return summaries;
	}

	private static final class Counts {

		private int open;

		private int awaitingFirstReply;

		private int overdue;

		private @Nullable Instant oldestAwaitingStart;

		void add(int open, int awaitingFirstReply, int overdue, @Nullable Instant oldestAwaitingStart) {
			this.open += open;
			this.awaitingFirstReply += awaitingFirstReply;
			this.overdue += overdue;
			if (oldestAwaitingStart != null
					&& (this.oldestAwaitingStart == null || oldestAwaitingStart.isBefore(this.oldestAwaitingStart))) {
				this.oldestAwaitingStart = oldestAwaitingStart;
			}
		}

		MerchantDeadlineSummary summary(String name, Instant now) {
			Instant oldest = this.oldestAwaitingStart;
			Duration age = (this.awaitingFirstReply == 0 || oldest == null || now.isBefore(oldest)) ? Duration.ZERO
					: Duration.between(oldest, now);
			return new MerchantDeadlineSummary(name, this.open, this.awaitingFirstReply, this.overdue, age);
		}

	}

}
