package io.github.wechatpaycomplaint.resilience;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many callers asking one limiter for a permit at the same moment, and when each was
 * granted or refused.
 *
 * @param startedAtNanos when the callers were released
 * @param grantedAtNanos when each granted caller got its permit
 * @param refusedAtNanos when each refused caller got its
 * {@link RateLimitExceededException}
 */
record LimiterBurst(long startedAtNanos, List<Long> grantedAtNanos, List<Long> refusedAtNanos) {

	static final String MERCHANT = "1900000001";

	static LimiterBurst of(WechatPayRateLimiter limiter, int callers) throws Exception {
		// Connect and load classes first, on another merchant's bucket: a cold first
		// permit whose answer comes late
		// would be squeezed against the next ones by the start-up, not by the limiter.
		limiter.acquire("warm-up", RateLimitedApi.FEEDBACK);
		List<Long> granted = new CopyOnWriteArrayList<>();
		List<Long> refused = new CopyOnWriteArrayList<>();
		CountDownLatch ready = new CountDownLatch(callers);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			List<Future<?>> results = new java.util.ArrayList<>();
			for (int i = 0; i < callers; i++) {
				results.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					try {
						limiter.acquire(MERCHANT, RateLimitedApi.FEEDBACK);
						granted.add(System.nanoTime());
					}
					catch (RateLimitExceededException ex) {
						refused.add(System.nanoTime());
					}
					return null;
				}));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
			long startedAt = System.nanoTime();
			go.countDown();
			for (Future<?> result : results) {
				result.get(60, TimeUnit.SECONDS);
			}
			return new LimiterBurst(startedAt, granted, refused);
		}
		finally {
			pool.shutdownNow();
		}
	}

	long lastGrantMillis() {
		return millisAfterStart(this.grantedAtNanos.stream().mapToLong(Long::longValue).max().orElseThrow());
	}

	long lastRefusalMillis() {
		return millisAfterStart(this.refusedAtNanos.stream().mapToLong(Long::longValue).max().orElseThrow());
	}

	private long millisAfterStart(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(nanos - this.startedAtNanos);
	}

	/**
	 * Asserts what the limiter promises for a burst of callers on a quota of
	 * {@code permits} per second, spread one every 510 ms, with a maximum wait of 2.8 s:
	 * the six permits of the next 2.8 s (at 0, 0.51, 1.02, 1.53, 2.04 and 2.55 s) are
	 * granted, the others are refused at once rather than after 2.8 s, and no window of a
	 * second holds more than two grants. The wait is chosen between two permits, well
	 * away from both, so thread start-up jitter cannot move a caller across it.
	 */
	void assertServedThePermitsWithinMaxWaitAndRefusedTheRest(int callers) {
		assertThat(this.grantedAtNanos).hasSize(6);
		assertThat(this.refusedAtNanos).hasSize(callers - 6);
		// The granted callers waited for their permits: the sixth cannot come before 2.55
		// s.
		assertThat(lastGrantMillis()).isGreaterThanOrEqualTo(2500);
		// The refused callers did not sit out the maximum wait: no permit could come in
		// time, so they knew at once.
		assertThat(lastRefusalMillis()).isLessThan(lastGrantMillis());
		RateLimiterTests.assertNeverFasterThan(this.grantedAtNanos, 2, 1000);
	}

}
