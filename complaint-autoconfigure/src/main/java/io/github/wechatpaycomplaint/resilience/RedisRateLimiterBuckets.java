package io.github.wechatpaycomplaint.resilience;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.jspecify.annotations.Nullable;

/**
 * Bucket4j buckets held in Redis through Lettuce, so that every instance of an
 * application draws from the same quota. The connection is opened on first use, once the
 * Redis client has started.
 *
 * <p>
 * Connecting and each permit request are bounded by a timeout: a Redis that is down or
 * does not answer costs a caller at most that long per step, then the call fails with an
 * exception ({@link FallbackRateLimiter} then uses local buckets). A connection found
 * closed is replaced by a new one on the next use, so Redis is used again as soon as it
 * accepts connections.
 *
 * @since 0.1.0
 */
public final class RedisRateLimiterBuckets implements BiFunction<String, BucketConfiguration, Bucket>, AutoCloseable {

	/** Used by the constructor without a timeout. */
	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

	private final Supplier<RedisClient> redisClient;

	private final String keyPrefix;

	private final Duration timeout;

	private @Nullable CompletableFuture<Store> store;

	private boolean closed;

	/**
	 * Creates the bucket source with a timeout of one second.
	 * @param redisClient supplies the Lettuce client (e.g. from Spring Data Redis's
	 * connection factory)
	 * @param keyPrefix prefix of the Redis keys
	 */
	public RedisRateLimiterBuckets(Supplier<RedisClient> redisClient, String keyPrefix) {
		this(redisClient, keyPrefix, DEFAULT_TIMEOUT);
	}

	/**
	 * Creates the bucket source.
	 * @param redisClient supplies the Lettuce client (e.g. from Spring Data Redis's
	 * connection factory)
	 * @param keyPrefix prefix of the Redis keys
	 * @param timeout longest wait for Redis, to connect or to take a permit
	 */
	public RedisRateLimiterBuckets(Supplier<RedisClient> redisClient, String keyPrefix, Duration timeout) {
		this.redisClient = Objects.requireNonNull(redisClient, "redisClient");
		this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
		this.timeout = Objects.requireNonNull(timeout, "timeout");
		if (timeout.isZero() || timeout.isNegative()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
	}

	/**
	 * Starts connecting in the background, so that the first call finds the connection
	 * open rather than waiting for it. Without this, the first call connects.
	 */
	public void connect() {
		currentOrNewConnection();
	}

	@Override
	public Bucket apply(String key, BucketConfiguration configuration) {
		return store().proxyManager()
			.builder()
			.build((this.keyPrefix + key).getBytes(StandardCharsets.UTF_8), () -> configuration);
	}

	private Store store() {
		CompletableFuture<Store> pending = currentOrNewConnection();
		try {
			return pending.get(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			// The attempt goes on in the background; a later call may find it done.
			throw new RedisConnectionException("No connection to Redis within " + this.timeout.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RedisException redis) ? redis
					: new RedisConnectionException("Cannot connect to Redis", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RedisConnectionException("Interrupted while connecting to Redis", ex);
		}
	}

	private synchronized CompletableFuture<Store> currentOrNewConnection() {
		if (this.closed) {
			throw new RedisConnectionException("The rate limiter's Redis connection is closed");
		}
		CompletableFuture<Store> current = this.store;
		if (current != null && !current.isCompletedExceptionally()) {
			Store done = current.getNow(null);
			if (done == null || done.connection().isOpen()) {
				return current;
			}
			// Lost: Lettuce would reconnect with growing delays (up to 30 s); a new
			// connection is used at once.
			done.connection().closeAsync();
		}
		CompletableFuture<Store> next = new CompletableFuture<>();
		Thread connector = new Thread(() -> open(next), "wechatpay-rate-limit-redis-connect");
		connector.setDaemon(true);
		connector.start();
		this.store = next;
		return next;
	}

	// Runs on its own thread: Lettuce connects synchronously, and an unreachable host may
	// take its connect timeout.
	private void open(CompletableFuture<Store> result) {
		try {
			StatefulRedisConnection<byte[], byte[]> connection = this.redisClient.get()
				.connect(ByteArrayCodec.INSTANCE);
			connection.setTimeout(this.timeout);
			// Keys expire once their bucket would be full again, so idle merchants leave
			// nothing behind.
			ProxyManager<byte[]> proxyManager = Bucket4jLettuce.casBasedBuilder(connection)
				.requestTimeout(this.timeout)
				.clientClock(PermitClock.INSTANCE)
				.expirationAfterWrite(
						ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
				.build();
			// Completed after close(): close() closes it then.
			result.complete(new Store(connection, proxyManager));
		}
		catch (RuntimeException ex) {
			result.completeExceptionally(ex);
		}
	}

	/**
	 * Closes the Redis connection.
	 */
	@Override
	public void close() {
		CompletableFuture<Store> current;
		synchronized (this) {
			this.closed = true;
			current = this.store;
			this.store = null;
		}
		if (current != null && current.isDone()) {
			if (!current.isCompletedExceptionally()) {
				current.join().connection().close();
			}
		}
		else if (current != null) {
			current.thenAccept((done) -> done.connection().close());
		}
	}

	private record Store(StatefulRedisConnection<byte[], byte[]> connection, ProxyManager<byte[]> proxyManager) {

	}

}
