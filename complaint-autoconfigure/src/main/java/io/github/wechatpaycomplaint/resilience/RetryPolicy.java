package io.github.wechatpaycomplaint.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a call is retried: at most {@code maxAttempts} attempts in
 * all, exponential back-off from {@code initialBackoff} doubling up to
 * {@code maxBackoff}, each delay drawn between half and all of it (jitter) so that
 * instances do not retry in step.
 *
 * @param maxAttempts attempts in all, 1 = no retry
 * @param initialBackoff delay before the first retry
 * @param maxBackoff longest delay; a {@code Retry-After} longer than this ends the
 * retries
 * @since 0.1.0
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1");
		}
		Objects.requireNonNull(initialBackoff, "initialBackoff");
		Objects.requireNonNull(maxBackoff, "maxBackoff");
	}

	/**
	 * The delay before a retry.
	 * @param retry 1 for the first retry
	 * @return a jittered delay
	 */
	public Duration backoff(int retry) {
		long base = this.initialBackoff.toMillis() << Math.min(retry - 1, 20);
		long capped = Math.min(Math.max(base, 0), this.maxBackoff.toMillis());
		return Duration.ofMillis(ThreadLocalRandom.current().nextLong(capped / 2, capped + 1));
	}

}
