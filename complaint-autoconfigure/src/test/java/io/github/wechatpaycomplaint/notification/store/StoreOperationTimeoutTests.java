package io.github.wechatpaycomplaint.notification.store;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.github.wechatpaycomplaint.testsupport.HangingDataSource;
import io.github.wechatpaycomplaint.testsupport.SilentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A store whose server hangs fails each operation within its operation timeout, not after
 * the driver's own timeouts (Lettuce: 60 s per command; HikariCP: 30 s per connection).
 */
class StoreOperationTimeoutTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	@Test
	void aRedisThatAcceptsButNeverAnswersFailsWithinTheOperationTimeout() throws Exception {
		try (SilentServer server = new SilentServer()) {
			LettuceConnectionFactory factory = new LettuceConnectionFactory(
					new RedisStandaloneConfiguration("127.0.0.1", server.port()));
			factory.afterPropertiesSet();
			factory.start();
			try {
				RedisNotificationDeduplicationStore store = new RedisNotificationDeduplicationStore(
						new StringRedisTemplate(factory), "wpc-test:", TIMEOUT);
				assertFailsInTime(() -> store.claim("hanging-" + UUID.randomUUID(), Duration.ofMinutes(5)));
				assertFailsInTime(store::checkAvailable);
			}
			finally {
				factory.destroy();
			}
		}
	}

	@Test
	void aDatabaseWhoseConnectionNeverComesFailsWithinTheOperationTimeout() {
		HangingDataSource database = new HangingDataSource();
		JdbcNotificationDeduplicationStore store = new JdbcNotificationDeduplicationStore(
				new JdbcTemplate(database.dataSource()), "wpc_hanging", Clock.systemUTC(), Duration.ofHours(1),
				TIMEOUT);
		assertFailsInTime(() -> store.claim("hanging-" + UUID.randomUUID(), Duration.ofMinutes(5)));
		assertFailsInTime(store::checkAvailable);
		// The abandoned waits for a connection were interrupted, so no worker stays
		// blocked.
		await().atMost(Duration.ofSeconds(5)).until(() -> database.interrupted() == 2);
	}

	private static void assertFailsInTime(Executable operation) {
		long start = System.nanoTime();
		assertThatExceptionOfType(DeduplicationStoreUnavailableException.class).isThrownBy(operation::execute)
			.withMessageContaining("did not answer within 1000 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

}
