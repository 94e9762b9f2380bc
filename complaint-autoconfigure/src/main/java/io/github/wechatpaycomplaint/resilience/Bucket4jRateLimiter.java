package io.github.wechatpaycomplaint.resilience;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * A {@link WechatPayRateLimiter} on Bucket4j buckets, one per merchant and quota: local
 * buckets for one instance, or buckets held in Redis (or any Bucket4j proxy manager)
 * shared by every instance.
 *
 * <p>
 * A call reserves the next free permit and waits for it when it comes within the maximum
 * wait. Permits come at a fixed rate and a reserved one is never handed back, so when the
 * calls before it already hold every permit of the next maximum wait, no permit can come
 * in time: the call fails at once, takes nothing, and leaves the permits to later calls.
 *
 * @since 0.1.0
 */
public final class Bucket4jRateLimiter implements WechatPayRateLimiter, AutoCloseable {

	private final Map<RateLimitedApi, RateLimit> limits;

	private final Duration maxWait;

	private final BiFunction<String, BucketConfiguration, Bucket> buckets;

	/**
	 * Creates a limiter.
	 * @param limits the quota of each API
	 * @param maxWait how long a call may wait for a permit
	 * @param buckets returns the bucket for a key (e.g. {@code 1900000001:FEEDBACK}) and
	 * its configuration
	 */
	public Bucket4jRateLimiter(Map<RateLimitedApi, RateLimit> limits, Duration maxWait,
			BiFunction<String, BucketConfiguration, Bucket> buckets) {
		this.limits = new EnumMap<>(limits);
		this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
		this.buckets = Objects.requireNonNull(buckets, "buckets");
	}

	/**
	 * A limiter with buckets in this JVM.
	 * @param limits the quotas
	 * @param maxWait the longest wait for a permit
	 * @return the limiter
	 */
	public static Bucket4jRateLimiter local(Map<RateLimitedApi, RateLimit> limits, Duration maxWait) {
		Map<String, Bucket> local = new ConcurrentHashMap<>();
		return new Bucket4jRateLimiter(limits, maxWait, (key, configuration) -> local.computeIfAbsent(key,
				(ignored) -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build()));
	}

	/**
	 * A limiter with other quotas over the same buckets. Buckets are keyed by merchant
	 * id, so a merchant's own quotas apply to its own buckets.
	 */
	@Override
	public Bucket4jRateLimiter withLimits(Map<RateLimitedApi, RateLimit> limits, Duration maxWait) {
		return new Bucket4jRateLimiter(limits, maxWait, this.buckets);
	}

	static BucketConfiguration bucketConfiguration(RateLimit limit) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, limit.interval()).initialTokens(1).build())
			.build();
	}

	@Override
	public void acquire(String merchantId, RateLimitedApi api) {
		RateLimit limit = this.limits.get(api);
		if (limit == null) {
			return;
		}
		Bucket bucket = this.buckets.apply(merchantId + ":" + api.name(), bucketConfiguration(limit));
		boolean granted;
		try {
			PermitClock.forget();
			// Bucket4j refuses a zero wait; max-wait=0 means "a permit now or none".
			granted = this.maxWait.isZero() ? bucket.tryConsume(1)
					: bucket.asBlocking().tryConsume(1, this.maxWait, PermitClock.UNTIL_PERMIT);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			granted = false;
		}
		finally {
			PermitClock.forget();
		}
		if (!granted) {
			throw new RateLimitExceededException(api, "No permit to call WeChat Pay within " + this.maxWait.toMillis()
					+ " ms: the calls before this one already hold merchant " + merchantId + "'s " + api
					+ " permits for longer than that (quota " + limit
					+ "); nothing was sent (raise wechatpay.complaint.client.rate-limit.max-wait, or spread the calls)");
		}
	}

	/**
	 * Closes the bucket source when it holds resources, such as a Redis connection.
	 * @throws Exception if the bucket source fails to close
	 */
	@Override
	public void close() throws Exception {
		if (this.buckets instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

}
