package io.github.wechatpaycomplaint.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the limiter treats callers that queue for permits: each waits for a permit that
 * comes within the maximum wait, and is refused at once when none can. The Redis-held
 * buckets are held to the same in {@link SharedRateLimiterIntegrationTests}.
 */
class Bucket4jRateLimiterTests {

	/** Two calls a second: one permit every 510 ms. */
	static final RateLimit TWO_A_SECOND = new RateLimit(2, Duration.ofSeconds(1));

	/** Between the sixth permit (2.55 s) and the seventh (3.06 s). */
	static final Duration MAX_WAIT = Duration.ofMillis(2800);

	@Test
	void concurrentCallersWaitForPermitsWithinMaxWaitAndTheRestAreRefusedAtOnce() throws Exception {
		Map<String, Bucket> buckets = new ConcurrentHashMap<>();
		Bucket4jRateLimiter limiter = new Bucket4jRateLimiter(Map.of(RateLimitedApi.FEEDBACK, TWO_A_SECOND), MAX_WAIT,
				(key, configuration) -> buckets.computeIfAbsent(key,
						(ignored) -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build()));
		LimiterBurst burst = LimiterBurst.of(limiter, 12);
		burst.assertServedThePermitsWithinMaxWaitAndRefusedTheRest(12);
		// A refused call takes no permit: the six granted ones are all that was drawn, so
		// the bucket is not in debt.
		assertThat(buckets.get(LimiterBurst.MERCHANT + ":FEEDBACK").getAvailableTokens()).isNotNegative();
	}

	@Test
	void theLocalLimiterKeepsThePromise() throws Exception {
		LimiterBurst.of(Bucket4jRateLimiter.local(Map.of(RateLimitedApi.FEEDBACK, TWO_A_SECOND), MAX_WAIT), 12)
			.assertServedThePermitsWithinMaxWaitAndRefusedTheRest(12);
	}

}
