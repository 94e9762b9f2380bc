package io.github.wechatpaycomplaint.resilience;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import org.jspecify.annotations.Nullable;

/**
 * Bucket4j buckets held in Redis through Lettuce, so that every instance of an application draws from the same
 * quota. The proxy manager is created on first use, once the Redis client has started.
 *
 * @since 0.1.0
 */
public final class RedisRateLimiterBuckets implements BiFunction<String, BucketConfiguration, Bucket> {

	private final Supplier<RedisClient> redisClient;

	private final String keyPrefix;

	private volatile @Nullable ProxyManager<byte[]> proxyManager;

	/**
	 * Creates the bucket source.
	 * @param redisClient supplies the Lettuce client (e.g. from Spring Data Redis's connection factory)
	 * @param keyPrefix prefix of the Redis keys
	 */
	public RedisRateLimiterBuckets(Supplier<RedisClient> redisClient, String keyPrefix) {
		this.redisClient = Objects.requireNonNull(redisClient, "redisClient");
		this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
	}

	@Override
	public Bucket apply(String key, BucketConfiguration configuration) {
		return proxyManager().builder()
			.build((this.keyPrefix + key).getBytes(StandardCharsets.UTF_8), () -> configuration);
	}

	private ProxyManager<byte[]> proxyManager() {
		ProxyManager<byte[]> manager = this.proxyManager;
		if (manager == null) {
			synchronized (this) {
				manager = this.proxyManager;
				if (manager == null) {
					// Keys expire once their bucket would be full again, so idle merchants leave nothing behind.
					manager = Bucket4jLettuce.casBasedBuilder(this.redisClient.get())
						.expirationAfterWrite(
								ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
						.build();
					this.proxyManager = manager;
				}
			}
		}
		return manager;
	}

}
