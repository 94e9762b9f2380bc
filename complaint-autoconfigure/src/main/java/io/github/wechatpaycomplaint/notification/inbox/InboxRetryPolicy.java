package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a failed listener pass is tried again, and when an entry is parked instead:
 * exponential back-off with jitter, up to a number of attempts or an age.
 *
 * @param initialDelay the delay after the first failed pass
 * @param multiplier the factor each further failure multiplies the delay by
 * @param maxDelay the longest delay
 * @param jitter the share of each delay drawn at random, from 0 (none) up to but not
 * including 1, so that entries that failed together are not tried together again; the
 * rest of the delay is always waited
 * @param maxAttempts the most passes; the entry is parked after the last one fails
 * @param maxAge the longest time from an entry's first listener pass (after recording or
 * replay) it is retried; the entry is parked after the first failure past it
 * @since 0.1.0
 */
public record InboxRetryPolicy(Duration initialDelay, double multiplier, Duration maxDelay, double jitter,
		int maxAttempts, Duration maxAge) {

	public InboxRetryPolicy {
		Objects.requireNonNull(initialDelay, "initialDelay");
		Objects.requireNonNull(maxDelay, "maxDelay");
		Objects.requireNonNull(maxAge, "maxAge");
		if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
			throw new IllegalArgumentException(
					"Need 0 <= initialDelay <= maxDelay, not " + initialDelay + " and " + maxDelay);
		}
		if (multiplier < 1) {
			throw new IllegalArgumentException("The multiplier must be at least 1, not " + multiplier);
		}
		if (!(jitter >= 0 && jitter < 1)) {
			throw new IllegalArgumentException("The jitter must be from 0 up to but not including 1, not " + jitter);
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("Need at least one attempt, not " + maxAttempts);
		}
	}

	/**
	 * Whether an entry whose pass just failed is parked rather than tried again.
	 * @param entry the entry, with the failed pass counted in its attempts
	 * @param now the current time
	 * @return {@code true} when its attempts or its age are used up
	 */
	public boolean exhausted(InboxEntry entry, Instant now) {
		return entry.attempts() >= this.maxAttempts || !entry.attemptsSince().plus(this.maxAge).isAfter(now);
	}

	/**
	 * Whether a just claimed entry has had more passes than allowed, which happens only
	 * when earlier passes left no outcome (the instance died, or the lease ran out).
	 * @param entry the claimed entry, with this pass counted in its attempts
	 * @return {@code true} when it is parked without another pass
	 */
	public boolean overrun(InboxEntry entry) {
		return entry.attempts() > this.maxAttempts;
	}

	/**
	 * The delay before the next pass.
	 * @param failedAttempts the passes that failed so far, at least one
	 * @param random a number in [0, 1)
	 * @return the delay:
	 * {@code min(maxDelay, initialDelay * multiplier^(failedAttempts - 1))}, less up to
	 * its jitter share, and never less than a millisecond unless the initial delay is
	 * zero
	 */
	public Duration delay(int failedAttempts, double random) {
		double exponential = this.initialDelay.toMillis() * Math.pow(this.multiplier, Math.max(0, failedAttempts - 1));
		double capped = Math.min(this.maxDelay.toMillis(), exponential);
		long delay = Math.round(capped * (1 - this.jitter * random));
		return Duration.ofMillis((capped > 0) ? Math.max(1, delay) : delay);
	}

}
