package io.github.wechatpaycomplaint.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import io.github.wechatpaycomplaint.resilience.RetryInterceptor.Sleeper;
import io.github.wechatpaycomplaint.resilience.RetryPolicy;
import io.github.wechatpaycomplaint.resilience.WechatPayRateLimiter;
import org.jspecify.annotations.Nullable;

/**
 * How the WeChat Pay clients survive failures: retries, a rate limiter, and a backup
 * host.
 *
 * @param retryPolicy the retry policy ({@code maxAttempts = 1} for none)
 * @param sleeper waits between retries
 * @param rateLimiter the rate limiter, or {@code null} for none
 * @param failoverBaseUri the backup host to try when the main one cannot be reached, or
 * {@code null} for none
 * @since 0.1.0
 */
public record ClientResilience(RetryPolicy retryPolicy, Sleeper sleeper, @Nullable WechatPayRateLimiter rateLimiter,
		@Nullable URI failoverBaseUri) {

	public ClientResilience {
		Objects.requireNonNull(retryPolicy, "retryPolicy");
		Objects.requireNonNull(sleeper, "sleeper");
	}

	/**
	 * No retry, no limiter, no failover.
	 * @return the settings
	 */
	public static ClientResilience none() {
		return new ClientResilience(new RetryPolicy(1, Duration.ZERO, Duration.ZERO), Sleeper.threadSleep(), null,
				null);
	}

}
