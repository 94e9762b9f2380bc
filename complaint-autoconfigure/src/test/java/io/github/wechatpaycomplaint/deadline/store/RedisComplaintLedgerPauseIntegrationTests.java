package io.github.wechatpaycomplaint.deadline.store;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.wechatpaycomplaint.deadline.ComplaintFact;
import io.github.wechatpaycomplaint.deadline.ComplaintRef;
import io.github.wechatpaycomplaint.deadline.DeadlineRules;
import io.github.wechatpaycomplaint.deadline.Threshold;
import io.github.wechatpaycomplaint.notification.store.DeduplicationStoreUnavailableException;
import io.github.wechatpaycomplaint.testsupport.RedisScratch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A threshold mark sent while the Redis server on 127.0.0.1 is paused for writes
 * ({@code CLIENT PAUSE ... WRITE}, as during a failover) times out for the watcher and
 * lands once Redis resumes; it is then taken back, so that a later scan publishes the
 * threshold instead of nobody. The pause is short, since other builds may share this
 * Redis.
 */
@Tag("services")
class RedisComplaintLedgerPauseIntegrationTests {

	private static final RedisScratch SCRATCH = RedisScratch.hashTagged();

	private static final long PAUSE_MILLIS = 1_200;

	private static final Instant FILED = Instant.parse("2026-12-01T00:00:00Z");

	private final StringRedisTemplate redis = SCRATCH.template();

	@AfterAll
	static void cleanUp() {
		SCRATCH.close();
	}

	@Test
	void aMarkThatLandsAfterTheWatcherGaveUpIsTakenBack() throws Exception {
		RedisComplaintLedger ledger = new RedisComplaintLedger(this.redis, SCRATCH.prefix(), DeadlineRules.WECHAT_PAY,
				Clock.fixed(FILED, ZoneOffset.UTC), Duration.ofMillis(300));
		ComplaintRef ref = new ComplaintRef("shop", "mch-shop", "200000001");
		// Connected and the scripts loaded before the pause, with no deadline to speak
		// of.
		new RedisComplaintLedger(this.redis, SCRATCH.prefix(), DeadlineRules.WECHAT_PAY,
				Clock.fixed(FILED, ZoneOffset.UTC), Duration.ofSeconds(30))
			.record(ref, new ComplaintFact.Filed(FILED));
		long start = System.nanoTime();
		pauseWrites();
		assertThatExceptionOfType(DeduplicationStoreUnavailableException.class)
			.isThrownBy(() -> ledger.markPublished(ref, 1, Threshold.FIRST_REPLY_DUE_SOON));
		Thread.sleep(Math.max(0, PAUSE_MILLIS + 300 - Duration.ofNanos(System.nanoTime() - start).toMillis()));
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> ledger.markPublished(ref, 1, Threshold.FIRST_REPLY_DUE_SOON));
		assertThat(ledger.markPublished(ref, 1, Threshold.FIRST_REPLY_DUE_SOON)).isFalse();
	}

	private void pauseWrites() {
		this.redis.execute((RedisCallback<Object>) (connection) -> connection.execute("CLIENT", bytes("PAUSE"),
				bytes(Long.toString(PAUSE_MILLIS)), bytes("WRITE")));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
