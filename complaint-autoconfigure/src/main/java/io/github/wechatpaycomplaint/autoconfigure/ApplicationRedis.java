package io.github.wechatpaycomplaint.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What the Redis de-duplication store and the Redis inbox both need from the application:
 * its StringRedisTemplate (or one on its single RedisConnectionFactory), failing at
 * startup with the property to fix, and a connection opened at startup. Loaded only by
 * configurations that are conditional on Spring Data Redis.
 */
final class ApplicationRedis {

	private static final Log logger = LogFactory.getLog(ApplicationRedis.class);

	private ApplicationRedis() {
	}

	/**
	 * The application's unique StringRedisTemplate, else a new one on its unique
	 * RedisConnectionFactory.
	 * @param storeProperty the property that chose Redis
	 * @param what what was chosen, e.g. {@code the store}
	 * @param otherChoice the alternative to name, e.g. {@code choose another store}
	 * @throws InvalidComplaintPropertyException when there is neither
	 */
	static StringRedisTemplate template(ObjectProvider<StringRedisTemplate> redisTemplate,
			ObjectProvider<RedisConnectionFactory> connectionFactory, String storeProperty, String what,
			String otherChoice) {
		return redisTemplate.getIfUnique(() -> {
			RedisConnectionFactory unique = connectionFactory.getIfUnique();
			if (unique == null) {
				throw new InvalidComplaintPropertyException(storeProperty,
						what + " is REDIS but the application has no (single) RedisConnectionFactory",
						"Add org.springframework.boot:spring-boot-starter-data-redis and configure "
								+ "spring.data.redis.*, or define a RedisConnectionFactory bean, or " + otherChoice
								+ ".");
			}
			return new StringRedisTemplate(unique);
		});
	}

	/**
	 * Opens the connection now, so that the first notification does not pay for it within
	 * its operation timeout. Redis not answering now does not stop startup; the health
	 * indicator shows it DOWN.
	 * @param check sends a command within the operation timeout
	 * @param what what uses Redis, e.g. {@code the inbox}
	 */
	static void connect(Runnable check, String what) {
		try {
			check.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Redis did not answer " + what + " at startup (" + ex.getMessage()
					+ "). Notifications are answered with 500 until it does.");
		}
	}

}
