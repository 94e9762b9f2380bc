package io.github.wechatpaycomplaint.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the ledger knows of one complaint: its current round (a complaint the user
 * reopened starts a new round with new clocks), when the round started, the merchant's
 * first reply and the completion in that round, whether the user asked WeChat Pay for
 * help, and which thresholds of the round were already published.
 *
 * <p>
 * Immutable. {@link #merge(ComplaintFact)} never moves a complaint backwards: a duplicate
 * fact changes nothing, a late fact of an earlier round is ignored, and an earlier reply
 * or completion arriving after a later one only corrects the instant. {@link #toString()}
 * holds ids and instants only.
 *
 * @param ref which complaint
 * @param learnedAt when the ledger first heard of it
 * @param round 1, one more each time the user reopened the complaint
 * @param roundStart when the round started (filing or reopening); {@code null} while only
 * facts without a filing time are known
 * @param firstReplyAt the merchant's first reply in this round, or {@code null}
 * @param completedAt the completion of this round, or {@code null}
 * @param platformServiceRequestedAt when the user asked WeChat Pay to step in, or
 * {@code null}
 * @param published the thresholds of this round already published
 * @since 0.1.0
 */
public record TrackedComplaint(ComplaintRef ref, Instant learnedAt, int round, @Nullable Instant roundStart,
		@Nullable Instant firstReplyAt, @Nullable Instant completedAt, @Nullable Instant platformServiceRequestedAt,
		Set<Threshold> published) {

	public TrackedComplaint {
		Objects.requireNonNull(ref, "ref");
		Objects.requireNonNull(learnedAt, "learnedAt");
		if (round < 1) {
			throw new IllegalArgumentException("round must be at least 1");
		}
		published = published.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(published));
	}

	/**
	 * A complaint the ledger has just heard of, with no fact yet.
	 * @param ref which complaint
	 * @param learnedAt now
	 * @return the complaint
	 */
	public static TrackedComplaint learned(ComplaintRef ref, Instant learnedAt) {
		return new TrackedComplaint(ref, learnedAt, 1, null, null, null, null, Set.of());
	}

	/**
	 * This complaint with a fact merged in.
	 * @param fact the fact
	 * @return the merged complaint, equal to this one when the fact adds nothing
	 */
	public TrackedComplaint merge(ComplaintFact fact) {
		// Java 17: no pattern matching in switch; the interface is sealed, so the last
		// case is Observed.
		if (fact instanceof ComplaintFact.Filed filed) {
			return filed(filed.at());
		}
		if (fact instanceof ComplaintFact.Continued continued) {
			return continued(continued.at());
		}
		if (fact instanceof ComplaintFact.MerchantReplied replied) {
			return replied(replied.at());
		}
		if (fact instanceof ComplaintFact.Completed completed) {
			return completed(completed.at());
		}
		if (fact instanceof ComplaintFact.PlatformServiceRequested requested) {
			return platformServiceRequested(requested.at());
		}
		return observed((ComplaintFact.Observed) fact);
	}

	private TrackedComplaint filed(Instant at) {
		// A filing time only starts the first round; a reopened complaint keeps its
		// round's start.
		if (this.round > 1 || (this.roundStart != null && !at.isBefore(this.roundStart))) {
			return this;
		}
		return new TrackedComplaint(this.ref, this.learnedAt, 1, at, this.firstReplyAt, this.completedAt,
				this.platformServiceRequestedAt, this.published);
	}

	private TrackedComplaint continued(Instant at) {
		// The same reopening again, or one older than the running round: nothing new.
		if (this.roundStart != null && !at.isAfter(this.roundStart)) {
			return this;
		}
		return new TrackedComplaint(this.ref, this.learnedAt, this.round + 1, at, null, null,
				this.platformServiceRequestedAt, Set.of());
	}

	private TrackedComplaint replied(Instant at) {
		if (isOfEarlierRound(at) || (this.firstReplyAt != null && !at.isBefore(this.firstReplyAt))) {
			return this;
		}
		return new TrackedComplaint(this.ref, this.learnedAt, this.round, this.roundStart, at, this.completedAt,
				this.platformServiceRequestedAt, this.published);
	}

	private TrackedComplaint completed(Instant at) {
		if (isOfEarlierRound(at) || (this.completedAt != null && !at.isBefore(this.completedAt))) {
			return this;
		}
		return new TrackedComplaint(this.ref, this.learnedAt, this.round, this.roundStart, this.firstReplyAt, at,
				this.platformServiceRequestedAt, this.published);
	}

	private TrackedComplaint platformServiceRequested(Instant at) {
		if (this.platformServiceRequestedAt != null && !at.isBefore(this.platformServiceRequestedAt)) {
			return this;
		}
		return new TrackedComplaint(this.ref, this.learnedAt, this.round, this.roundStart, this.firstReplyAt,
				this.completedAt, at, this.published);
	}

	// A state seen before the running round started says nothing about it.
	private TrackedComplaint observed(ComplaintFact.Observed observed) {
		TrackedComplaint merged = filed(observed.filedAt());
		return switch (observed.state()) {
			case PROCESSING -> merged.replied(observed.at());
			case PROCESSED -> merged.completed(observed.at());
			default -> merged;
		};
	}

	private boolean isOfEarlierRound(Instant at) {
		return this.roundStart != null && at.isBefore(this.roundStart);
	}

	/**
	 * This complaint with a threshold of its round marked published.
	 * @param threshold the threshold
	 * @return the complaint
	 */
	public TrackedComplaint withPublished(Threshold threshold) {
		if (this.published.contains(threshold)) {
			return this;
		}
		EnumSet<Threshold> marked = EnumSet.of(threshold);
		marked.addAll(this.published);
		return new TrackedComplaint(this.ref, this.learnedAt, this.round, this.roundStart, this.firstReplyAt,
				this.completedAt, this.platformServiceRequestedAt, marked);
	}

	/**
	 * Whether the complaint is not completed.
	 * @return {@code true} while open
	 */
	public boolean isOpen() {
		return this.completedAt == null;
	}

	/**
	 * Whether the first-reply clock runs: open, round start known, no reply yet.
	 * @return {@code true} while a first reply is awaited
	 */
	public boolean isAwaitingFirstReply() {
		return isOpen() && this.roundStart != null && this.firstReplyAt == null;
	}

	/**
	 * The first-reply deadline of this round while it is awaited.
	 * @param rules the rules
	 * @return the deadline, {@code null} when replied, completed or the start is unknown
	 */
	public @Nullable Instant firstReplyDeadline(DeadlineRules rules) {
		return (isAwaitingFirstReply() && this.roundStart != null) ? this.roundStart.plus(rules.firstReply()) : null;
	}

	/**
	 * The resolution deadline of this round while it is open.
	 * @param rules the rules
	 * @return the deadline, {@code null} when completed or the start is unknown
	 */
	public @Nullable Instant resolutionDeadline(DeadlineRules rules) {
		return (isOpen() && this.roundStart != null) ? this.roundStart.plus(rules.resolution()) : null;
	}

	/**
	 * The nearest deadline still running.
	 * @param rules the rules
	 * @return the first-reply deadline while awaited, else the resolution deadline, else
	 * {@code null}
	 */
	public @Nullable Instant nearestDeadline(DeadlineRules rules) {
		Instant firstReply = firstReplyDeadline(rules);
		return (firstReply != null) ? firstReply : resolutionDeadline(rules);
	}

	/**
	 * The order of the urgency list: nearest running deadline first, then merchant name,
	 * then complaint id. For complaints with a running deadline (open, round start
	 * known).
	 * @param rules the rules
	 * @return the order
	 */
	public static Comparator<TrackedComplaint> byUrgency(DeadlineRules rules) {
		Objects.requireNonNull(rules, "rules");
		return Comparator
			.comparing((TrackedComplaint complaint) -> Objects.requireNonNull(complaint.nearestDeadline(rules)))
			.thenComparing((complaint) -> complaint.ref().merchantName())
			.thenComparing((complaint) -> complaint.ref().complaintId());
	}

	/**
	 * Whether a running deadline has passed.
	 * @param now the instant to judge at
	 * @param rules the rules
	 * @return {@code true} when overdue
	 */
	public boolean isOverdue(Instant now, DeadlineRules rules) {
		Instant deadline = nearestDeadline(rules);
		return deadline != null && !now.isBefore(deadline);
	}

	/**
	 * Whether the clock a threshold belongs to still runs: the first-reply clock until
	 * the reply or completion, the resolution clock until completion.
	 * @param threshold the threshold
	 * @return {@code false} once its clock stopped (or while the start is unknown)
	 */
	public boolean isClockRunning(Threshold threshold) {
		boolean firstReply = threshold == Threshold.FIRST_REPLY_DUE_SOON || threshold == Threshold.FIRST_REPLY_OVERDUE;
		return firstReply ? isAwaitingFirstReply() : (isOpen() && this.roundStart != null);
	}

	/**
	 * The thresholds reached at {@code now} and not yet published. When a deadline has
	 * passed, its overdue threshold is returned and its due-soon one no longer is: an
	 * overdue complaint is reported as overdue, once.
	 * @param now the instant to judge at
	 * @param rules the rules
	 * @return the thresholds to publish, first-reply ones first
	 */
	public List<Threshold> reachedThresholds(Instant now, DeadlineRules rules) {
		List<Threshold> reached = new ArrayList<>(2);
		addReached(reached, now, firstReplyDeadline(rules), rules.firstReplyWarning(), Threshold.FIRST_REPLY_DUE_SOON,
				Threshold.FIRST_REPLY_OVERDUE);
		addReached(reached, now, resolutionDeadline(rules), rules.resolutionWarning(), Threshold.RESOLUTION_DUE_SOON,
				Threshold.RESOLUTION_OVERDUE);
		return reached;
	}

	private void addReached(List<Threshold> reached, Instant now, @Nullable Instant deadline, Duration warning,
			Threshold dueSoon, Threshold overdue) {
		if (deadline == null || this.published.contains(overdue)) {
			return;
		}
		if (!now.isBefore(deadline)) {
			reached.add(overdue);
		}
		else if (!now.isBefore(deadline.minus(warning)) && !this.published.contains(dueSoon)) {
			reached.add(dueSoon);
		}
	}

	/**
	 * When the next unpublished threshold is reached; the watcher looks at the complaint
	 * then.
	 * @param rules the rules
	 * @return the instant, or {@code null} when no threshold is left
	 */
	public @Nullable Instant nextCheckAt(DeadlineRules rules) {
		Instant firstReply = nextThreshold(firstReplyDeadline(rules), rules.firstReplyWarning(),
				Threshold.FIRST_REPLY_DUE_SOON, Threshold.FIRST_REPLY_OVERDUE);
		Instant resolution = nextThreshold(resolutionDeadline(rules), rules.resolutionWarning(),
				Threshold.RESOLUTION_DUE_SOON, Threshold.RESOLUTION_OVERDUE);
		if (firstReply == null) {
			return resolution;
		}
		return (resolution == null || firstReply.isBefore(resolution)) ? firstReply : resolution;
	}

	private @Nullable Instant nextThreshold(@Nullable Instant deadline, Duration warning, Threshold dueSoon,
			Threshold overdue) {
		if (deadline == null || this.published.contains(overdue)) {
			return null;
		}
		return this.published.contains(dueSoon) ? deadline : deadline.minus(warning);
	}

}
