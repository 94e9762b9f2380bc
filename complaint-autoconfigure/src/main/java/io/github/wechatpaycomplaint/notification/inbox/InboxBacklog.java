package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How much of the inbox waits: what health, metrics and the Actuator endpoint report.
 *
 * @param pending entries waiting for a successful listener pass (claimed ones included)
 * @param failed entries parked after their last attempt
 * @param oldestPendingSince the earliest {@link InboxEntry#attemptsSince()} of the
 * pending entries (the first listener pass, or the recording or last replay while none
 * has started), {@code null} when none is pending
 * @since 0.1.0
 */
public record InboxBacklog(long pending, long failed, @Nullable Instant oldestPendingSince) {

	/** An inbox with nothing waiting. */
	public static final InboxBacklog EMPTY = new InboxBacklog(0, 0, null);

	public InboxBacklog {
		if (pending < 0 || failed < 0) {
			throw new IllegalArgumentException("Counts must not be negative");
		}
	}

}
