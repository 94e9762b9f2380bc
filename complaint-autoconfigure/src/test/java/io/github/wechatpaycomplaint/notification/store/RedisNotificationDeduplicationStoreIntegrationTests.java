package io.github.wechatpaycomplaint.notification.store;

import java.util.UUID;

import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.testsupport.Services;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The store contract for the Redis store on the Redis server on 127.0.0.1.
 */
@Tag("services")
class RedisNotificationDeduplicationStoreIntegrationTests extends NotificationDeduplicationStoreContractTests {

	private static final LettuceConnectionFactory CONNECTION_FACTORY = Services.redis();

	private static final String PREFIX = "wpc-test:" + UUID.randomUUID() + ":";

	private final StringRedisTemplate redis = new StringRedisTemplate(CONNECTION_FACTORY);

	@AfterAll
	static void cleanUp() {
		StringRedisTemplate redis = new StringRedisTemplate(CONNECTION_FACTORY);
		redis.delete(redis.keys(PREFIX + "*"));
		CONNECTION_FACTORY.destroy();
	}

	@Override
	protected NotificationDeduplicationStore store() {
		return new RedisNotificationDeduplicationStore(this.redis, PREFIX);
	}

}
