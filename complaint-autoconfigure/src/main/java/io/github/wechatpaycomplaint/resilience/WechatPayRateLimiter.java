package io.github.wechatpaycomplaint.resilience;

/**
 * Keeps a merchant's calls under WeChat Pay's quotas. Implementations may share their
 * state between instances (e.g. through Redis).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface WechatPayRateLimiter {

	/**
	 * Waits for a permit to send one call.
	 * @param merchantId the merchant whose quota the call counts against
	 * @param api the quota
	 * @throws RateLimitExceededException if no permit can come within the limiter's
	 * maximum wait (thrown as soon as that is certain, which may be at once)
	 */
	void acquire(String merchantId, RateLimitedApi api);

	/**
	 * A limiter with other quotas over the same state, for a merchant whose quotas differ
	 * from the configured ones. The default keeps this limiter's quotas.
	 * @param limits the quota of each API
	 * @param maxWait the longest wait for a permit
	 * @return the limiter
	 */
	default WechatPayRateLimiter withLimits(java.util.Map<RateLimitedApi, RateLimit> limits,
			java.time.Duration maxWait) {
		return this;
	}

}
