package io.github.wechatpaycomplaint.resilience;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;

/**
 * The wall clock of the Redis-held buckets, and the wait that goes with it. A bucket in
 * Redis reads the clock, then tells the caller how long after that reading its permit
 * comes; the answer arrives a round trip later. Waiting the full time from the answer
 * would shift each permit by a round trip that differs from call to call, and squeeze two
 * permits closer than the interval; so the clock remembers, per thread, when it was read,
 * and {@link #UNTIL_PERMIT} waits until that moment plus the wait. Buckets that do not
 * use this clock wait the plain way.
 */
final class PermitClock implements TimeMeter {

	static final PermitClock INSTANCE = new PermitClock();

	/**
	 * Waits until the permit's moment: the bucket's last reading of this clock plus the
	 * wait it computed.
	 */
	static final BlockingStrategy UNTIL_PERMIT = PermitClock::parkUntilPermit;

	private static final ThreadLocal<long[]> lastReadNanos = new ThreadLocal<>();

	private PermitClock() {
	}

	@Override
	public long currentTimeNanos() {
		Instant now = Instant.now();
		lastReadNanos.set(new long[] { System.nanoTime() });
		return now.getEpochSecond() * 1_000_000_000L + now.getNano();
	}

	@Override
	public boolean isWallClockBased() {
		return true;
	}

	/**
	 * Forgets this thread's last reading, before a bucket that may not use this clock is
	 * asked for a permit.
	 */
	static void forget() {
		lastReadNanos.remove();
	}

	private static void parkUntilPermit(long nanos) throws InterruptedException {
		long[] readAt = lastReadNanos.get();
		forget();
		long deadline = ((readAt != null) ? readAt[0] : System.nanoTime()) + nanos;
		for (long remaining = deadline - System.nanoTime(); remaining > 0; remaining = deadline - System.nanoTime()) {
			LockSupport.parkNanos(remaining);
			if (Thread.interrupted()) {
				throw new InterruptedException();
			}
		}
	}

}
