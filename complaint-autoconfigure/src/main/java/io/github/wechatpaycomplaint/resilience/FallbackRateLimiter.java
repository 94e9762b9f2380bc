package io.github.wechatpaycomplaint.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A shared limiter (e.g. buckets in Redis) backed by this instance's own limiter for when
 * the shared one fails. After a failure, calls use the local limiter for the retry
 * interval; then one call tries the shared limiter again, and the others keep using the
 * local one until it succeeds. Failures are logged as a warning at most once a minute.
 *
 * <p>
 * The local limiter keeps each instance under the quota, not all of them together: while
 * the shared limiter is unavailable, several instances may between them exceed it.
 *
 * @since 0.1.0
 */
public final class FallbackRateLimiter implements WechatPayRateLimiter, AutoCloseable {

	private static final Log logger = LogFactory.getLog(FallbackRateLimiter.class);

	private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

	private final WechatPayRateLimiter shared;

	private final WechatPayRateLimiter local;

	private final Duration retryInterval;

	/** When the shared limiter may be tried again; {@code null} while it works. */
	private final AtomicReference<@Nullable Outage> outage;

	private final AtomicLong lastWarningNanos;

	private volatile boolean warned;

	/**
	 * Creates the limiter.
	 * @param shared the limiter to use while it works
	 * @param local the limiter to use after the shared one failed
	 * @param retryInterval how long to use the local limiter before trying the shared one
	 * again
	 */
	public FallbackRateLimiter(WechatPayRateLimiter shared, WechatPayRateLimiter local, Duration retryInterval) {
		this.shared = Objects.requireNonNull(shared, "shared");
		this.local = Objects.requireNonNull(local, "local");
		this.retryInterval = Objects.requireNonNull(retryInterval, "retryInterval");
		if (retryInterval.isNegative()) {
			throw new IllegalArgumentException("retryInterval must not be negative");
		}
		this.outage = new AtomicReference<>();
		this.lastWarningNanos = new AtomicLong();
	}

	private FallbackRateLimiter(FallbackRateLimiter state, WechatPayRateLimiter shared, WechatPayRateLimiter local) {
		this.shared = shared;
		this.local = local;
		this.retryInterval = state.retryInterval;
		this.outage = state.outage;
		this.lastWarningNanos = state.lastWarningNanos;
	}

	/**
	 * A limiter with other quotas over the same shared and local state; a Redis outage
	 * seen by one merchant's calls is known to all.
	 */
	@Override
	public FallbackRateLimiter withLimits(Map<RateLimitedApi, RateLimit> limits, Duration maxWait) {
		return new FallbackRateLimiter(this, this.shared.withLimits(limits, maxWait),
				this.local.withLimits(limits, maxWait));
	}

	@Override
	public void acquire(String merchantId, RateLimitedApi api) {
		Outage current = this.outage.get();
		if (current == null || mayRetry(current)) {
			try {
				this.shared.acquire(merchantId, api);
				recovered(current);
				return;
			}
			catch (RateLimitExceededException ex) {
				// The shared limiter answered: the quota is used up.
				recovered(current);
				throw ex;
			}
			catch (RuntimeException ex) {
				if (Thread.currentThread().isInterrupted()) {
					throw ex;
				}
				failed(ex);
			}
		}
		this.local.acquire(merchantId, api);
	}

	/**
	 * Whether this call is the one to try the shared limiter again: the first after the
	 * retry interval.
	 */
	private boolean mayRetry(Outage current) {
		long now = System.nanoTime();
		return now - current.retryAtNanos() >= 0 && this.outage.compareAndSet(current, nextOutage(now));
	}

	private void recovered(@Nullable Outage before) {
		if (before != null && this.outage.getAndSet(null) != null) {
			logger.info("Shared rate limits are available again; calls count against them again");
		}
	}

	private void failed(RuntimeException ex) {
		long now = System.nanoTime();
		this.outage.set(nextOutage(now));
		long last = this.lastWarningNanos.get();
		if ((!this.warned || now - last >= WARNING_INTERVAL_NANOS) && this.lastWarningNanos.compareAndSet(last, now)) {
			this.warned = true;
			// The type and message name the failure (e.g. a refused connection); no call
			// data is involved.
			logger.warn("Shared rate limits are unavailable (" + ex.getClass().getName() + ": " + ex.getMessage()
					+ "); this instance limits its own calls and tries again every " + this.retryInterval.toMillis()
					+ " ms. Other instances' calls are not counted meanwhile. Logged at most once a minute.");
		}
	}

	private Outage nextOutage(long now) {
		return new Outage(now + this.retryInterval.toNanos());
	}

	/**
	 * Closes the shared limiter when it holds resources, such as a Redis connection.
	 * @throws Exception if the shared limiter fails to close
	 */
	@Override
	public void close() throws Exception {
		if (this.shared instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

	private record Outage(long retryAtNanos) {

	}

}
