package io.github.wechatpaycomplaint.autoconfigure;

import java.util.EnumMap;
import java.util.Map;

import io.github.bucket4j.Bucket;
import io.github.wechatpaycomplaint.resilience.Bucket4jRateLimiter;
import io.github.wechatpaycomplaint.resilience.FallbackRateLimiter;
import io.github.wechatpaycomplaint.resilience.RateLimit;
import io.github.wechatpaycomplaint.resilience.RateLimitedApi;
import io.github.wechatpaycomplaint.resilience.RedisRateLimiterBuckets;
import io.github.wechatpaycomplaint.resilience.WechatPayRateLimiter;
import io.lettuce.core.RedisClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The rate limiter chosen by {@code wechatpay.complaint.client.rate-limit.store}: in
 * memory (default) or shared in Redis, with in-memory limits while Redis cannot be
 * reached. A Redis choice without its libraries or connection fails at startup with the
 * fix.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = RateLimiterConfigurations.PREFIX + ".enabled", matchIfMissing = true)
@Import({ RateLimiterConfigurations.Memory.class, RateLimiterConfigurations.Redis.class,
		RateLimiterConfigurations.RedisMissing.class })
class RateLimiterConfigurations {

	static final String PREFIX = ComplaintClientProperties.PREFIX + ".rate-limit";

	static Map<RateLimitedApi, RateLimit> limits(ComplaintClientProperties.RateLimit properties) {
		Map<RateLimitedApi, RateLimit> limits = new EnumMap<>(RateLimitedApi.class);
		limits.put(RateLimitedApi.LIST,
				new RateLimit(properties.getList().getPermits(), properties.getList().getPeriod()));
		limits.put(RateLimitedApi.FEEDBACK,
				new RateLimit(properties.getFeedback().getPermits(), properties.getFeedback().getPeriod()));
		return limits;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Bucket.class)
	@ConditionalOnProperty(name = PREFIX + ".store", havingValue = "memory", matchIfMissing = true)
	static class Memory {

		@Bean
		@ConditionalOnMissingBean(WechatPayRateLimiter.class)
		Bucket4jRateLimiter wechatPayRateLimiter(ComplaintClientProperties properties) {
			ComplaintClientProperties.RateLimit rateLimit = properties.getRateLimit();
			return Bucket4jRateLimiter.local(limits(rateLimit), rateLimit.getMaxWait());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.github.bucket4j.redis.lettuce.Bucket4jLettuce",
			"org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory" })
	@ConditionalOnProperty(name = PREFIX + ".store", havingValue = "redis")
	static class Redis {

		@Bean
		@ConditionalOnMissingBean(WechatPayRateLimiter.class)
		FallbackRateLimiter wechatPayRateLimiter(ComplaintClientProperties properties,
				ObjectProvider<RedisConnectionFactory> connectionFactory) {
			RedisConnectionFactory factory = connectionFactory.getIfAvailable();
			if (!(factory instanceof LettuceConnectionFactory lettuce)) {
				throw new InvalidComplaintPropertyException(PREFIX + ".store",
						"REDIS needs a Lettuce RedisConnectionFactory, but the application has "
								+ ((factory != null) ? factory.getClass().getSimpleName() : "none"),
						"Add spring-boot-starter-data-redis (Lettuce is its default client) and set spring.data.redis.*, "
								+ "or set '" + PREFIX + ".store=memory'.");
			}
			ComplaintClientProperties.RateLimit rateLimit = properties.getRateLimit();
			RedisRateLimiterBuckets buckets = new RedisRateLimiterBuckets(() -> (RedisClient) lettuce.getNativeClient(),
					rateLimit.getRedisKeyPrefix(), rateLimit.getRedisTimeout());
			// A cold first connection can take longer than the timeout; start it now
			// rather than on the first call.
			buckets.connect();
			Map<RateLimitedApi, RateLimit> limits = limits(rateLimit);
			return new FallbackRateLimiter(new Bucket4jRateLimiter(limits, rateLimit.getMaxWait(), buckets),
					Bucket4jRateLimiter.local(limits, rateLimit.getMaxWait()), rateLimit.getRedisRetryInterval());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(RedisLibrariesMissingCondition.class)
	@ConditionalOnProperty(name = PREFIX + ".store", havingValue = "redis")
	static class RedisMissing {

		@Bean
		@ConditionalOnMissingBean(WechatPayRateLimiter.class)
		WechatPayRateLimiter wechatPayRateLimiter() {
			throw new InvalidComplaintPropertyException(PREFIX + ".store",
					"REDIS needs Spring Data Redis and Bucket4j's Lettuce integration on the classpath",
					"Add org.springframework.boot:spring-boot-starter-data-redis and "
							+ "com.bucket4j:bucket4j_jdk17-lettuce, or set '" + PREFIX + ".store=memory'.");
		}

	}

	static class RedisLibrariesMissingCondition extends AnyNestedCondition {

		RedisLibrariesMissingCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnMissingClass("io.github.bucket4j.redis.lettuce.Bucket4jLettuce")
		static class Bucket4jLettuceMissing {

		}

		@ConditionalOnMissingClass("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory")
		static class SpringDataRedisMissing {

		}

	}

}
