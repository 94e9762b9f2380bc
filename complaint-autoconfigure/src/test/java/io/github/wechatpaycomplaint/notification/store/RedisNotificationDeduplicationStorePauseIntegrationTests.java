package io.github.wechatpaycomplaint.notification.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.wechatpaycomplaint.notification.NotificationClaim.Status;
import io.github.wechatpaycomplaint.testsupport.RedisScratch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A claim sent while the Redis server on 127.0.0.1 is paused for writes
 * ({@code CLIENT PAUSE ... WRITE}, as during a failover) times out for the caller, lands
 * once Redis resumes, and is then released: the next delivery is handled, not refused as
 * in progress for the whole lease. The pause is short, since other builds may share this
 * Redis.
 */
@Tag("services")
class RedisNotificationDeduplicationStorePauseIntegrationTests {

	private static final RedisScratch SCRATCH = new RedisScratch();

	private static final String PREFIX = SCRATCH.prefix();

	private static final long PAUSE_MILLIS = 1_200;

	private final StringRedisTemplate redis = SCRATCH.template();

	@AfterAll
	static void cleanUp() {
		SCRATCH.close();
	}

	@Test
	void aClaimThatLandsAfterTheCallerGaveUpIsReleased() throws Exception {
		RedisNotificationDeduplicationStore store = new RedisNotificationDeduplicationStore(this.redis, PREFIX,
				Duration.ofMillis(300));
		// Connected before the pause, with no deadline: the first connection may take
		// longer than 300 ms.
		this.redis.hasKey(PREFIX + "warm-up");
		long start = System.nanoTime();
		pauseWrites();
		assertThatExceptionOfType(DeduplicationStoreUnavailableException.class)
			.isThrownBy(() -> store.claim("paused", Duration.ofMinutes(5)));
		Thread.sleep(Math.max(0, PAUSE_MILLIS + 300 - Duration.ofNanos(System.nanoTime() - start).toMillis()));
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> store.claim("paused", Duration.ofMinutes(5)).status() == Status.CLAIMED);
	}

	@Test
	void manyClaimsThatLandAfterTheirCallersGaveUpAreAllReleased() throws Exception {
		// More late claims at once than a release could get workers for, if it needed a
		// worker of its own.
		int claims = 80;
		RedisNotificationDeduplicationStore store = new RedisNotificationDeduplicationStore(this.redis, PREFIX,
				Duration.ofMillis(300));
		this.redis.hasKey(PREFIX + "warm-up");
		long start = System.nanoTime();
		pauseWrites();
		List<Thread> callers = new ArrayList<>();
		for (int i = 0; i < claims; i++) {
			String id = "many-" + i;
			Thread caller = new Thread(() -> {
				try {
					store.claim(id, Duration.ofMinutes(5));
				}
				catch (DeduplicationStoreUnavailableException ex) {
					// expected while Redis is paused
				}
			});
			callers.add(caller);
			caller.start();
		}
		for (Thread caller : callers) {
			caller.join();
		}
		Thread.sleep(Math.max(0, PAUSE_MILLIS + 300 - Duration.ofNanos(System.nanoTime() - start).toMillis()));
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.redis.keys(PREFIX + "many-*").isEmpty());
	}

	private void pauseWrites() {
		this.redis.execute((RedisCallback<Object>) (connection) -> connection.execute("CLIENT", bytes("PAUSE"),
				bytes(Long.toString(PAUSE_MILLIS)), bytes("WRITE")));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
