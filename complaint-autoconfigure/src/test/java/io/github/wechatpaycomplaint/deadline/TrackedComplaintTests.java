package io.github.wechatpaycomplaint.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.github.wechatpaycomplaint.deadline.ComplaintFact.Completed;
import io.github.wechatpaycomplaint.deadline.ComplaintFact.Continued;
import io.github.wechatpaycomplaint.deadline.ComplaintFact.Filed;
import io.github.wechatpaycomplaint.deadline.ComplaintFact.MerchantReplied;
import io.github.wechatpaycomplaint.deadline.ComplaintFact.Observed;
import io.github.wechatpaycomplaint.deadline.ComplaintFact.PlatformServiceRequested;
import io.github.wechatpaycomplaint.model.ComplaintState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Merging facts into a complaint, its rounds, and the thresholds at their exact edges.
 */
class TrackedComplaintTests {

	static final DeadlineRules RULES = DeadlineRules.WECHAT_PAY;

	static final Instant FILED = Instant.parse("2026-12-01T00:00:00Z");

	static final ComplaintRef REF = new ComplaintRef("default", "1900000109", "200000020261201000000000001");

	private static final Duration MS = Duration.ofMillis(1);

	private final TrackedComplaint filed = TrackedComplaint.learned(REF, FILED).merge(new Filed(FILED));

	@Test
	void wechatPayRulesAreTwentyFourAndSeventyTwoHours() {
		assertThat(RULES.firstReply()).isEqualTo(Duration.ofHours(24));
		assertThat(RULES.resolution()).isEqualTo(Duration.ofHours(72));
		assertThat(RULES.firstReplyWarning()).isEqualTo(Duration.ofHours(4));
		assertThat(RULES.resolutionWarning()).isEqualTo(Duration.ofHours(12));
	}

	@Test
	void rulesRefuseWarningsNotShorterThanTheirDeadline() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DeadlineRules(Duration.ofHours(24), Duration.ofHours(72), Duration.ofHours(24),
					Duration.ofHours(12)))
			.withMessageContaining("firstReplyWarning");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DeadlineRules(Duration.ofHours(24), Duration.ofHours(72), Duration.ofHours(4),
					Duration.ofHours(80)))
			.withMessageContaining("resolutionWarning");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DeadlineRules(Duration.ofHours(24), Duration.ofHours(12), Duration.ofHours(4),
					Duration.ofHours(1)))
			.withMessageContaining("resolution must not be shorter");
		assertThatIllegalArgumentException().isThrownBy(
				() -> new DeadlineRules(Duration.ZERO, Duration.ofHours(72), Duration.ofHours(4), Duration.ofHours(12)))
			.withMessageContaining("firstReply must be positive");
	}

	@Test
	void deadlinesRunFromFiling() {
		assertThat(this.filed.firstReplyDeadline(RULES)).isEqualTo(FILED.plus(Duration.ofHours(24)));
		assertThat(this.filed.resolutionDeadline(RULES)).isEqualTo(FILED.plus(Duration.ofHours(72)));
		assertThat(this.filed.nearestDeadline(RULES)).isEqualTo(FILED.plus(Duration.ofHours(24)));
		assertThat(this.filed.nextCheckAt(RULES)).isEqualTo(FILED.plus(Duration.ofHours(20)));
		assertThat(this.filed.isAwaitingFirstReply()).isTrue();
	}

	@Test
	void firstReplyDueSoonStartsExactlyAtTheWarning() {
		Instant dueSoon = FILED.plus(Duration.ofHours(20));
		assertThat(this.filed.reachedThresholds(dueSoon.minus(MS), RULES)).isEmpty();
		assertThat(this.filed.reachedThresholds(dueSoon, RULES)).containsExactly(Threshold.FIRST_REPLY_DUE_SOON);
		assertThat(this.filed.reachedThresholds(dueSoon.plus(MS), RULES))
			.containsExactly(Threshold.FIRST_REPLY_DUE_SOON);
	}

	@Test
	void firstReplyOverdueStartsExactlyAtTheDeadlineAndSupersedesDueSoon() {
		Instant due = FILED.plus(Duration.ofHours(24));
		assertThat(this.filed.reachedThresholds(due.minus(MS), RULES)).containsExactly(Threshold.FIRST_REPLY_DUE_SOON);
		assertThat(this.filed.reachedThresholds(due, RULES)).containsExactly(Threshold.FIRST_REPLY_OVERDUE);
		assertThat(this.filed.reachedThresholds(due.plus(MS), RULES)).containsExactly(Threshold.FIRST_REPLY_OVERDUE);
		assertThat(this.filed.isOverdue(due.minus(MS), RULES)).isFalse();
		assertThat(this.filed.isOverdue(due, RULES)).isTrue();
	}

	@Test
	void resolutionThresholdsAtTheirEdges() {
		TrackedComplaint replied = this.filed.merge(new MerchantReplied(FILED.plus(Duration.ofHours(1))));
		Instant dueSoon = FILED.plus(Duration.ofHours(60));
		Instant due = FILED.plus(Duration.ofHours(72));
		assertThat(replied.nextCheckAt(RULES)).isEqualTo(dueSoon);
		assertThat(replied.reachedThresholds(dueSoon.minus(MS), RULES)).isEmpty();
		assertThat(replied.reachedThresholds(dueSoon, RULES)).containsExactly(Threshold.RESOLUTION_DUE_SOON);
		assertThat(replied.reachedThresholds(due.minus(MS), RULES)).containsExactly(Threshold.RESOLUTION_DUE_SOON);
		assertThat(replied.reachedThresholds(due, RULES)).containsExactly(Threshold.RESOLUTION_OVERDUE);
	}

	@Test
	void aComplaintLearnedLongAfterFilingReportsEveryOverdueClock() {
		assertThat(this.filed.reachedThresholds(FILED.plus(Duration.ofDays(4)), RULES))
			.containsExactly(Threshold.FIRST_REPLY_OVERDUE, Threshold.RESOLUTION_OVERDUE);
	}

	@Test
	void publishedThresholdsAreNotReachedAgainAndMoveTheNextCheck() {
		Instant dueSoon = FILED.plus(Duration.ofHours(20));
		TrackedComplaint warned = this.filed.withPublished(Threshold.FIRST_REPLY_DUE_SOON);
		assertThat(warned.reachedThresholds(dueSoon, RULES)).isEmpty();
		assertThat(warned.nextCheckAt(RULES)).isEqualTo(FILED.plus(Duration.ofHours(24)));
		TrackedComplaint overdue = warned.withPublished(Threshold.FIRST_REPLY_OVERDUE);
		assertThat(overdue.nextCheckAt(RULES)).isEqualTo(FILED.plus(Duration.ofHours(60)));
		assertThat(overdue.withPublished(Threshold.FIRST_REPLY_OVERDUE)).isSameAs(overdue);
	}

	@Test
	void aClockGoingBackwardsAfterOverdueDoesNotPublishDueSoon() {
		TrackedComplaint overdue = this.filed.withPublished(Threshold.FIRST_REPLY_OVERDUE);
		Instant earlier = FILED.plus(Duration.ofHours(21));
		assertThat(overdue.reachedThresholds(earlier, RULES)).isEmpty();
		assertThat(overdue.reachedThresholds(FILED.minus(Duration.ofDays(1)), RULES)).isEmpty();
		assertThat(this.filed.reachedThresholds(FILED.minus(Duration.ofDays(1)), RULES)).isEmpty();
	}

	@Test
	void aReplyStopsTheFirstReplyClockAndCompletionEveryClock() {
		TrackedComplaint replied = this.filed.merge(new MerchantReplied(FILED.plus(Duration.ofHours(2))));
		assertThat(replied.isAwaitingFirstReply()).isFalse();
		assertThat(replied.firstReplyDeadline(RULES)).isNull();
		assertThat(replied.reachedThresholds(FILED.plus(Duration.ofHours(30)), RULES)).isEmpty();
		TrackedComplaint completed = replied.merge(new Completed(FILED.plus(Duration.ofHours(3))));
		assertThat(completed.isOpen()).isFalse();
		assertThat(completed.nextCheckAt(RULES)).isNull();
		assertThat(completed.reachedThresholds(FILED.plus(Duration.ofDays(10)), RULES)).isEmpty();
	}

	@Test
	void duplicateFactsChangeNothing() {
		TrackedComplaint replied = this.filed.merge(new MerchantReplied(FILED.plus(Duration.ofHours(2))));
		assertThat(replied.merge(new MerchantReplied(FILED.plus(Duration.ofHours(2))))).isEqualTo(replied);
		assertThat(replied.merge(new Filed(FILED))).isEqualTo(replied);
		assertThat(replied.merge(new MerchantReplied(FILED.plus(Duration.ofHours(5))))).isEqualTo(replied);
	}

	@Test
	void anEarlierReplyArrivingLateCorrectsTheFirstReply() {
		TrackedComplaint late = this.filed.merge(new MerchantReplied(FILED.plus(Duration.ofHours(5))))
			.merge(new MerchantReplied(FILED.plus(Duration.ofHours(2))));
		assertThat(late.firstReplyAt()).isEqualTo(FILED.plus(Duration.ofHours(2)));
	}

	@Test
	void factsInAnyOrderGiveTheSameComplaint() {
		List<ComplaintFact> facts = List.of(new Filed(FILED), new MerchantReplied(FILED.plus(Duration.ofHours(2))),
				new PlatformServiceRequested(FILED.plus(Duration.ofHours(3))));
		TrackedComplaint forwards = TrackedComplaint.learned(REF, FILED);
		for (ComplaintFact fact : facts) {
			forwards = forwards.merge(fact);
		}
		TrackedComplaint backwards = TrackedComplaint.learned(REF, FILED);
		for (int i = facts.size() - 1; i >= 0; i--) {
			ComplaintFact fact = facts.get(i);
			backwards = backwards.merge(fact);
		}
		assertThat(backwards).isEqualTo(forwards);
		assertThat(forwards.platformServiceRequestedAt()).isEqualTo(FILED.plus(Duration.ofHours(3)));
	}

	@Test
	void reopeningStartsANewRoundWithNewClocks() {
		Instant reopened = FILED.plus(Duration.ofDays(2));
		TrackedComplaint first = this.filed.merge(new MerchantReplied(FILED.plus(Duration.ofHours(1))))
			.merge(new Completed(FILED.plus(Duration.ofHours(5))))
			.withPublished(Threshold.FIRST_REPLY_DUE_SOON);
		TrackedComplaint second = first.merge(new Continued(reopened));
		assertThat(second.round()).isEqualTo(2);
		assertThat(second.roundStart()).isEqualTo(reopened);
		assertThat(second.isOpen()).isTrue();
		assertThat(second.isAwaitingFirstReply()).isTrue();
		assertThat(second.published()).isEmpty();
		assertThat(second.firstReplyDeadline(RULES)).isEqualTo(reopened.plus(Duration.ofHours(24)));
		assertThat(second.resolutionDeadline(RULES)).isEqualTo(reopened.plus(Duration.ofHours(72)));
		// The same reopening again, and late facts of the first round, change nothing.
		assertThat(second.merge(new Continued(reopened))).isEqualTo(second);
		assertThat(second.merge(new MerchantReplied(FILED.plus(Duration.ofHours(1))))).isEqualTo(second);
		assertThat(second.merge(new Completed(FILED.plus(Duration.ofHours(5))))).isEqualTo(second);
		assertThat(second.merge(new Continued(FILED.plus(Duration.ofHours(6))))).isEqualTo(second);
		assertThat(second.merge(new Filed(FILED.minus(Duration.ofHours(1))))).isEqualTo(second);
	}

	@Test
	void anObservedStateStopsClocksButNeverReopens() {
		Instant seen = FILED.plus(Duration.ofHours(3));
		TrackedComplaint learnedFromListing = TrackedComplaint.learned(REF, seen)
			.merge(new Observed(FILED, ComplaintState.PROCESSING, seen));
		assertThat(learnedFromListing.roundStart()).isEqualTo(FILED);
		assertThat(learnedFromListing.firstReplyAt()).isEqualTo(seen);
		TrackedComplaint processed = learnedFromListing
			.merge(new Observed(FILED, ComplaintState.PROCESSED, seen.plus(Duration.ofHours(1))));
		assertThat(processed.isOpen()).isFalse();
		assertThat(processed.merge(new Observed(FILED, ComplaintState.PENDING, seen.plus(Duration.ofHours(2)))))
			.isEqualTo(processed);
	}

	@Test
	void withoutAFilingTimeThereIsNoDeadline() {
		TrackedComplaint replyOnly = TrackedComplaint.learned(REF, FILED)
			.merge(new PlatformServiceRequested(FILED.plus(Duration.ofHours(1))));
		assertThat(replyOnly.nextCheckAt(RULES)).isNull();
		assertThat(replyOnly.nearestDeadline(RULES)).isNull();
		assertThat(replyOnly.reachedThresholds(FILED.plus(Duration.ofDays(5)), RULES)).isEmpty();
	}

	@Test
	void publishedSetIsACopy() {
		EnumSet<Threshold> set = EnumSet.of(Threshold.FIRST_REPLY_DUE_SOON);
		TrackedComplaint complaint = new TrackedComplaint(REF, FILED, 1, FILED, null, null, null, set);
		set.add(Threshold.RESOLUTION_OVERDUE);
		assertThat(complaint.published()).isEqualTo(Set.of(Threshold.FIRST_REPLY_DUE_SOON));
		assertThat(complaint.toString()).contains(REF.complaintId()).doesNotContain("payer");
	}

}
