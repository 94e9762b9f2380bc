package io.github.wechatpaycomplaint.multimerchant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * Spaces what a serial nobody knows may set off on the shared notification path: at most
 * once per interval for the whole registry, whatever the number of requests and
 * merchants, since anyone can send such a serial.
 */
final class UnknownSerialAllowance {

	private final Duration interval;

	private final Clock clock;

	private final AtomicReference<@Nullable Instant> last = new AtomicReference<>();

	UnknownSerialAllowance(Duration interval, Clock clock) {
		this.interval = Objects.requireNonNull(interval, "interval");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Takes the allowance if the interval has passed since it was last taken.
	 * @return {@code true} for one caller per interval
	 */
	boolean tryTake() {
		Instant now = this.clock.instant();
		Instant previous = this.last.get();
		if (previous != null && now.isBefore(previous.plus(this.interval))) {
			return false;
		}
		// Of a burst of callers, one wins.
		return this.last.compareAndSet(previous, now);
	}

}
