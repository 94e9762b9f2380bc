package io.github.wechatpaycomplaint.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The complaint deadlines as a Java API: the open complaints by urgency, one complaint's
 * standing, and a summary per merchant.
 *
 * @since 0.1.0
 */
public final class ComplaintDeadlines {

	private static final Comparator<ComplaintDeadlineStatus> BY_URGENCY = Comparator
		.comparing(ComplaintDeadlineStatus::nearestDeadline)
		.thenComparing((status) -> status.ref().merchantName())
		.thenComparing((status) -> status.ref().complaintId());

	private final ComplaintLedger ledger;

	private final DeadlineRules rules;

	private final Clock clock;

	/**
	 * Creates the API over a ledger.
	 * @param ledger the ledger
	 * @param rules the deadlines
	 * @param clock the clock "overdue" is judged by
	 */
	public ComplaintDeadlines(ComplaintLedger ledger, DeadlineRules rules, Clock clock) {
		this.ledger = Objects.requireNonNull(ledger, "ledger");
		this.rules = Objects.requireNonNull(rules, "rules");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * The open complaints of every merchant, nearest deadline first.
	 * @param limit at most this many
	 * @return the complaints
	 */
	public List<ComplaintDeadlineStatus> urgent(int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("limit must not be negative");
		}
		Instant now = this.clock.instant();
		return this.ledger.open()
			.stream()
			.map((complaint) -> status(complaint, now))
			.sorted(BY_URGENCY)
			.limit(limit)
			.toList();
	}

	/**
	 * One complaint's standing.
	 * @param merchantName the merchant's entry name
	 * @param complaintId the complaint id
	 * @return the standing, empty when unknown, completed or its filing time unknown
	 */
	public Optional<ComplaintDeadlineStatus> find(String merchantName, String complaintId) {
		Instant now = this.clock.instant();
		return this.ledger.find(merchantName, complaintId)
			.filter((complaint) -> complaint.isOpen() && complaint.roundStart() != null)
			.map((complaint) -> status(complaint, now));
	}

	/**
	 * The tracked complaint, open or completed.
	 * @param merchantName the merchant's entry name
	 * @param complaintId the complaint id
	 * @return the complaint, empty when unknown
	 */
	public Optional<TrackedComplaint> tracked(String merchantName, String complaintId) {
		return this.ledger.find(merchantName, complaintId);
	}

	/**
	 * A summary per merchant with open complaints.
	 * @return the summaries by merchant name, in name order
	 */
	public Map<String, MerchantDeadlineSummary> summaries() {
		Instant now = this.clock.instant();
		Map<String, Counts> counts = new TreeMap<>();
		for (TrackedComplaint complaint : this.ledger.open()) {
			counts.computeIfAbsent(complaint.ref().merchantName(), (name) -> new Counts()).add(complaint, now);
		}
		Map<String, MerchantDeadlineSummary> summaries = new TreeMap<>();
		counts.forEach((name, count) -> summaries.put(name, count.summary(name, now)));
		return summaries;
	}

	/**
	 * The rules the deadlines are computed by.
	 * @return the rules
	 */
	public DeadlineRules getRules() {
		return this.rules;
	}

	private ComplaintDeadlineStatus status(TrackedComplaint complaint, Instant now) {
		Instant roundStart = Objects.requireNonNull(complaint.roundStart());
		Instant resolution = Objects.requireNonNull(complaint.resolutionDeadline(this.rules));
		Instant nearest = Objects.requireNonNull(complaint.nearestDeadline(this.rules));
		return new ComplaintDeadlineStatus(complaint.ref(), complaint.round(), roundStart,
				complaint.firstReplyDeadline(this.rules), resolution, nearest, !now.isBefore(nearest),
				complaint.platformServiceRequestedAt() != null);
	}

	private final class Counts {

		private int open;

		private int awaitingFirstReply;

		private int overdue;

		private Instant oldestAwaitingStart = Instant.MAX;

		void add(TrackedComplaint complaint, Instant now) {
			this.open++;
			if (complaint.isOverdue(now, ComplaintDeadlines.this.rules)) {
				this.overdue++;
			}
			Instant start = complaint.roundStart();
			if (complaint.isAwaitingFirstReply() && start != null) {
				this.awaitingFirstReply++;
				if (start.isBefore(this.oldestAwaitingStart)) {
					this.oldestAwaitingStart = start;
				}
			}
		}

		MerchantDeadlineSummary summary(String name, Instant now) {
			Duration oldest = (this.awaitingFirstReply == 0 || now.isBefore(this.oldestAwaitingStart)) ? Duration.ZERO
					: Duration.between(this.oldestAwaitingStart, now);
			return new MerchantDeadlineSummary(name, this.open, this.awaitingFirstReply, this.overdue, oldest);
		}

	}

}
