package io.github.wechatpaycomplaint.deadline;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where an open complaint stands against its deadlines, for the urgency list.
 *
 * @param ref which complaint
 * @param round 1, one more each time the user reopened it
 * @param roundStart when the round started (filing or reopening)
 * @param firstReplyDeadline the first-reply deadline, {@code null} once replied
 * @param resolutionDeadline the resolution deadline
 * @param nearestDeadline the first-reply deadline while awaited, else the resolution one
 * @param overdue whether the nearest deadline has passed
 * @param platformServiceRequested whether the user asked WeChat Pay to step in
 * @since 0.1.0
 */
public record ComplaintDeadlineStatus(ComplaintRef ref, int round, Instant roundStart,
		@Nullable Instant firstReplyDeadline, Instant resolutionDeadline, Instant nearestDeadline, boolean overdue,
		boolean platformServiceRequested) {

}
