package io.github.wechatpaycomplaint.notification.store;

import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.testsupport.RedisScratch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The store contract for the Redis store on the Redis server on 127.0.0.1.
 */
@Tag("services")
class RedisNotificationDeduplicationStoreIntegrationTests extends NotificationDeduplicationStoreContractTests {

	private static final RedisScratch SCRATCH = new RedisScratch();

	private static final String PREFIX = SCRATCH.prefix();

	private final StringRedisTemplate redis = SCRATCH.template();

	@AfterAll
	static void cleanUp() {
		SCRATCH.close();
	}

	@Override
	protected NotificationDeduplicationStore store() {
		return new RedisNotificationDeduplicationStore(this.redis, PREFIX);
	}

}
