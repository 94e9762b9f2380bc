package io.github.wechatpaycomplaint.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * A quota: at most {@code permits} calls in any window of {@code period}.
 *
 * <p>
 * Enforced smoothly: one permit every {@code period / permits}, stretched by 2%, with no
 * burst allowance. A burst bucket (say 60 at once, then 60 more a second later as the
 * refill starts) can exceed the quota inside a sliding window; the smooth form cannot,
 * whichever way WeChat Pay counts its minute. The 2% absorb the few milliseconds by which
 * a waiting thread wakes late, which would otherwise squeeze two calls closer than the
 * interval.
 *
 * @param permits calls allowed per period
 * @param period the period
 * @since 0.1.0
 */
public record RateLimit(int permits, Duration period) {

	public RateLimit {
		if (permits < 1) {
			throw new IllegalArgumentException("permits must be at least 1");
		}
		Objects.requireNonNull(period, "period");
		if (period.isZero() || period.isNegative()) {
			throw new IllegalArgumentException("period must be positive");
		}
	}

	/**
	 * The time between two permits.
	 * @return {@code period / permits}, plus 2%
	 */
	public Duration interval() {
		return this.period.dividedBy(this.permits).multipliedBy(102).dividedBy(100);
	}

	@Override
	public String toString() {
		return this.permits + " calls per " + this.period;
	}

}
