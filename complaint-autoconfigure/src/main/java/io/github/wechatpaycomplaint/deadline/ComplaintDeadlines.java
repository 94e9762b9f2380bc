package io.github.wechatpaycomplaint.deadline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The complaint deadlines as a Java API: the open complaints by urgency, one complaint's
 * standing, and a summary per merchant.
 *
 * @since 0.1.0
 */
public final class ComplaintDeadlines {

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
		return urgent(this.clock.instant(), limit);
	}

	private List<ComplaintDeadlineStatus> urgent(Instant now, int limit) {
		return this.ledger.mostUrgent(this.rules, limit).stream().map((complaint) -> status(complaint, now)).toList();
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
		return this.ledger.summaries(this.clock.instant(), this.rules);
	}

	/**
	 * The summaries and the most overdue complaints, judged at one instant: what the
	 * gauges and the health show. The list is read only when a complaint is overdue.
	 * @param listedOverdue at most this many overdue complaints are listed, most overdue
	 * first; 0 lists none
	 * @return the snapshot
	 */
	public DeadlineSnapshot snapshot(int listedOverdue) {
		if (listedOverdue < 0) {
			throw new IllegalArgumentException("listedOverdue must not be negative");
		}
		Instant now = this.clock.instant();
		Map<String, MerchantDeadlineSummary> summaries = this.ledger.summaries(now, this.rules);
		boolean anyOverdue = summaries.values().stream().anyMatch((summary) -> summary.overdue() > 0);
		List<ComplaintDeadlineStatus> mostOverdue = (anyOverdue && listedOverdue > 0)
				? urgent(now, listedOverdue).stream().filter(ComplaintDeadlineStatus::overdue).toList() : List.of();
		return new DeadlineSnapshot(now, summaries, mostOverdue);
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

}
