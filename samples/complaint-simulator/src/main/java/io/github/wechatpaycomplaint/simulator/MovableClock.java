package io.github.wechatpaycomplaint.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests and demos move forward, to see what a day or three later looks like
 * without waiting: it reads a base clock (the system's, unless it starts at a fixed
 * instant) plus every {@link #advance(Duration) advance} so far, so time keeps passing
 * between advances. Give one instance to the simulator
 * ({@link SimulatorSettings#clock(Clock)}) and to the application (as its {@code Clock}
 * bean): both sides then sign and check timestamps by the same time, and signatures stay
 * fresh after a move. Thread-safe; time only moves forward.
 *
 * @since 0.1.0
 */
public final class MovableClock extends Clock {

	private final Clock base;

	// Shared by the zone views of one clock, so that moving one moves them all.
	private final AtomicReference<Duration> advanced;

	private MovableClock(Clock base, AtomicReference<Duration> advanced) {
		this.base = base;
		this.advanced = advanced;
	}

	/**
	 * A clock that runs with the system clock (UTC) until moved.
	 * @return a new clock
	 */
	public static MovableClock systemUTC() {
		return new MovableClock(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO));
	}

	/**
	 * A clock that stands still at an instant until moved.
	 * @param instant where it starts
	 * @return a new clock
	 */
	public static MovableClock startingAt(Instant instant) {
		return new MovableClock(Clock.fixed(Objects.requireNonNull(instant, "instant"), ZoneOffset.UTC),
				new AtomicReference<>(Duration.ZERO));
	}

	/**
	 * Moves the clock forward.
	 * @param amount how far, zero or more
	 * @return the new time
	 * @throws IllegalArgumentException when the amount is negative: time does not go back
	 */
	public Instant advance(Duration amount) {
		Objects.requireNonNull(amount, "amount");
		if (amount.isNegative()) {
			throw new IllegalArgumentException(
					"The clock only moves forward: " + amount + " is negative; give zero or more, e.g. PT21H");
		}
		this.advanced.accumulateAndGet(amount, Duration::plus);
		return instant();
	}

	/**
	 * How far the clock was moved in all.
	 * @return the sum of every advance
	 */
	public Duration advanced() {
		return this.advanced.get();
	}

	@Override
	public Instant instant() {
		return this.base.instant().plus(this.advanced.get());
	}

	@Override
	public ZoneId getZone() {
		return this.base.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return zone.equals(getZone()) ? this : new MovableClock(this.base.withZone(zone), this.advanced);
	}

	@Override
	public String toString() {
		return "MovableClock[" + this.base + ", advanced " + this.advanced.get() + "]";
	}

}
