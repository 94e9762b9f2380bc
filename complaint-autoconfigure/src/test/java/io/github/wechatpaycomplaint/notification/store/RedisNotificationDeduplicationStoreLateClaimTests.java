package io.github.wechatpaycomplaint.notification.store;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.notification.NotificationClaim.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ValueOperations;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A claim whose {@code SET NX} reaches Redis only after the caller gave up (Redis paused,
 * or slow) is released once it lands, so the next delivery is handled instead of being
 * refused as in progress for the whole lease. Against a fake Redis that, like a paused
 * one, applies commands in the order sent once it resumes, even those whose caller
 * stopped waiting; {@link RedisNotificationDeduplicationStorePauseIntegrationTests} does
 * the same with a real Redis.
 */
class RedisNotificationDeduplicationStoreLateClaimTests {

	private final PausedRedis redis = new PausedRedis();

	@AfterEach
	void resume() {
		this.redis.resume();
		this.redis.server.shutdownNow();
	}

	@Test
	void aClaimThatLandsAfterTheCallerGaveUpIsReleased() {
		RedisNotificationDeduplicationStore store = new RedisNotificationDeduplicationStore(this.redis, "p:",
				Duration.ofMillis(300));
		assertThatExceptionOfType(DeduplicationStoreUnavailableException.class)
			.isThrownBy(() -> store.claim("n1", Duration.ofMinutes(5)))
			.withMessage("The redis de-duplication store did not answer within 300 ms");
		this.redis.resume();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.redis.commands.contains("EVAL release"));
		assertThat(this.redis.data).doesNotContainKey("p:n1");
		assertThat(store.claim("n1", Duration.ofMinutes(5)).status()).isEqualTo(Status.CLAIMED);
	}

	@Test
	void aClaimThatTheCallerGotIsKept() {
		this.redis.resume();
		RedisNotificationDeduplicationStore store = new RedisNotificationDeduplicationStore(this.redis, "p:",
				Duration.ofMillis(300));
		assertThat(store.claim("n1", Duration.ofMinutes(5)).status()).isEqualTo(Status.CLAIMED);
		assertThat(store.claim("n1", Duration.ofMinutes(5)).status()).isEqualTo(Status.IN_PROGRESS);
		assertThat(this.redis.commands).doesNotContain("EVAL release");
	}

	/**
	 * Redis paused for writes: every command waits until {@link #resume()}, then runs in
	 * the order sent. A caller interrupted while waiting gets an exception, as with
	 * Lettuce, but its command still runs.
	 */
	static final class PausedRedis extends StringRedisTemplate {

		final Map<String, String> data = new ConcurrentHashMap<>();

		final List<String> commands = new java.util.concurrent.CopyOnWriteArrayList<>();

		final ExecutorService server = Executors.newSingleThreadExecutor();

		private final CountDownLatch paused = new CountDownLatch(1);

		void resume() {
			this.paused.countDown();
		}

		@Override
		@SuppressWarnings("unchecked")
		public ValueOperations<String, String> opsForValue() {
			return (ValueOperations<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { ValueOperations.class }, (proxy, method, args) -> switch (method.getName()) {
						case "setIfAbsent" ->
							send("SET NX", () -> this.data.putIfAbsent((String) args[0], (String) args[1]) == null);
						case "get" -> send("GET", () -> this.data.get((String) args[0]));
						default -> throw new UnsupportedOperationException(method.getName());
					});
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T execute(RedisScript<T> script, List<String> keys, Object... args) {
			String key = keys.get(0);
			if (script.getScriptAsString().contains("'DEL'")) {
				return (T) send("EVAL release", () -> this.data.remove(key, (String) args[0]) ? 1L : 0L);
			}
			return (T) send("EVAL mark done",
					() -> this.data.replace(key, (String) args[0], (String) args[1]) ? 1L : 0L);
		}

		private <T> T send(String command, Supplier<T> effect) {
			CompletableFuture<T> answer = CompletableFuture.supplyAsync(() -> {
				try {
					this.paused.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				this.commands.add(command);
				return effect.get();
			}, this.server);
			try {
				return answer.get();
			}
			catch (InterruptedException ex) {
				// Like Lettuce: the caller stops waiting, the command sent is not taken
				// back.
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Command interrupted");
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException(ex.getCause());
			}
		}

	}

}
