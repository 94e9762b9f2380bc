package io.github.wechatpaycomplaint.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.testsupport.ResourcesToClose;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application contexts sharing a Redis-held quota on the real Redis at 127.0.0.1:6379
 * never send faster than the quota between them; the Redis-held buckets treat queued
 * callers as the local ones do; and the limiter returns to Redis by itself after an
 * outage. Fails (does not skip) when Redis is not running.
 */
@Tag("services")
@ExtendWith(OutputCaptureExtension.class)
class SharedRateLimiterIntegrationTests {

	private static final int REDIS_PORT = 6379;

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final String keyPrefix = "test:" + UUID.randomUUID() + ":";

	@AutoClose
	private final ResourcesToClose resources = new ResourcesToClose();

	@Test
	void concurrentCallersWaitForRedisPermitsWithinMaxWaitAndTheRestAreRefusedAtOnce() throws Exception {
		RedisRateLimiterBuckets buckets = new RedisRateLimiterBuckets(() -> client(REDIS_PORT), this.keyPrefix,
				Duration.ofSeconds(5));
		Bucket4jRateLimiter limiter = new Bucket4jRateLimiter(
				Map.of(RateLimitedApi.FEEDBACK, Bucket4jRateLimiterTests.TWO_A_SECOND),
				Bucket4jRateLimiterTests.MAX_WAIT, buckets);
		this.resources.addFirst(limiter);
		LimiterBurst burst = LimiterBurst.of(limiter, 12);
		burst.assertServedThePermitsWithinMaxWaitAndRefusedTheRest(12);
		// A refused call takes no permit from the shared bucket either.
		assertThat(buckets
			.apply(LimiterBurst.MERCHANT + ":FEEDBACK",
					Bucket4jRateLimiter.bucketConfiguration(Bucket4jRateLimiterTests.TWO_A_SECOND))
			.getAvailableTokens()).isNotNegative();
	}

	@Test
	void returnsToRedisOnceItIsReachableAgain(CapturedOutput output) throws Exception {
		TcpForwarder redis = new TcpForwarder(REDIS_PORT);
		this.resources.add(redis);
		RedisCommands<String, String> direct = directConnection();
		String key = this.keyPrefix + LimiterBurst.MERCHANT + ":FEEDBACK";
		FallbackRateLimiter limiter = fallbackLimiter(redis.port(), Duration.ofMillis(500), Duration.ofMillis(200));
		limiter.acquire(LimiterBurst.MERCHANT, RateLimitedApi.FEEDBACK);
		assertThat(direct.exists(key)).isOne();

		redis.stop();
		direct.del(key);
		for (int i = 0; i < 5; i++) {
			limiter.acquire(LimiterBurst.MERCHANT, RateLimitedApi.FEEDBACK);
			Thread.sleep(100);
		}
		assertThat(direct.exists(key)).isZero();
		assertThat(output.getOut()).contains(FallbackRateLimiterTests.WARNING);

		redis.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (direct.exists(key) == 0 && System.nanoTime() < deadline) {
			limiter.acquire(LimiterBurst.MERCHANT, RateLimitedApi.FEEDBACK);
			Thread.sleep(50);
		}
		assertThat(direct.exists(key)).isOne();
		assertThat(output.getOut()).contains("Shared rate limits are available again");
	}

	@Test
	void aRedisThatStopsAnsweringCostsACallAtMostTheTimeout(CapturedOutput output) throws Exception {
		TcpForwarder redis = new TcpForwarder(REDIS_PORT);
		this.resources.add(redis);
		FallbackRateLimiter limiter = fallbackLimiter(redis.port(), Duration.ofMillis(300), Duration.ofMinutes(1));
		limiter.acquire(LimiterBurst.MERCHANT, RateLimitedApi.FEEDBACK);
		assertThat(output.getOut()).doesNotContain(FallbackRateLimiterTests.WARNING);
		redis.pause();
		long start = System.nanoTime();
		limiter.acquire(LimiterBurst.MERCHANT, RateLimitedApi.FEEDBACK);
		// Lettuce's own command timeout is 60 s; the limiter gives up on Redis after 300
		// ms.
		assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(5);
		assertThat(output.getOut()).contains(FallbackRateLimiterTests.WARNING);
	}

	private FallbackRateLimiter fallbackLimiter(int port, Duration timeout, Duration retryInterval) {
		// A quota that is never the limit here: these tests are about where the permits
		// come from.
		Map<RateLimitedApi, RateLimit> limits = Map.of(RateLimitedApi.FEEDBACK,
				new RateLimit(1000, Duration.ofSeconds(1)));
		RedisClient client = client(port);
		FallbackRateLimiter limiter = new FallbackRateLimiter(
				new Bucket4jRateLimiter(limits, Duration.ofSeconds(1),
						new RedisRateLimiterBuckets(() -> client, this.keyPrefix, timeout)),
				Bucket4jRateLimiter.local(limits, Duration.ofSeconds(1)), retryInterval);
		this.resources.addFirst(limiter);
		return limiter;
	}

	private RedisCommands<String, String> directConnection() {
		StatefulRedisConnection<String, String> connection = client(REDIS_PORT).connect();
		this.resources.addFirst(connection);
		return connection.sync();
	}

	private RedisClient client(int port) {
		RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
		this.resources.add(client::shutdown);
		return client;
	}

	@Test
	void twoInstancesSharingRedisStayUnderOneQuota() throws Exception {
		RateLimiterTests.stubDetailAndWarmUp(this.wechatPay);
		ApplicationContextRunner instance = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
					DataRedisAutoConfiguration.class, ComplaintClientAutoConfiguration.class))
			.withPropertyValues(this.wechatPay.publicKeyModeProperties())
			.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + REDIS_PORT,
					"wechatpay.complaint.client.rate-limit.store=redis",
					"wechatpay.complaint.client.rate-limit.redis-key-prefix=" + this.keyPrefix,
					"wechatpay.complaint.client.rate-limit.feedback.permits=10",
					"wechatpay.complaint.client.rate-limit.feedback.period=3s",
					"wechatpay.complaint.client.rate-limit.max-wait=30s",
					// About sharing, not falling back: a slow first connection on a busy
					// machine must not count.
					"wechatpay.complaint.client.rate-limit.redis-timeout=10s")
			.withBean(RateLimiterTests.PermitRecorder.class);
		java.util.List<Long> grantedAt = new java.util.concurrent.CopyOnWriteArrayList<>();
		CompletableFuture<Void> first = new CompletableFuture<>();
		CompletableFuture<Void> second = new CompletableFuture<>();
		Thread a = new Thread(() -> instance.run((context) -> run(context, first, grantedAt)));
		Thread b = new Thread(() -> instance.run((context) -> run(context, second, grantedAt)));
		a.start();
		b.start();
		first.get();
		second.get();
		assertThat(RateLimiterTests.detailTimes(this.wechatPay)).hasSize(30);
		RateLimiterTests.assertNeverFasterThan(grantedAt, 10, 3000);
	}

	private static void run(org.springframework.boot.test.context.assertj.AssertableApplicationContext context,
			CompletableFuture<Void> done, java.util.List<Long> grantedAt) {
		try {
			assertThat(context).hasNotFailed();
			RateLimiterTests.callConcurrently(context, 15, 3);
			grantedAt.addAll(context.getBean(RateLimiterTests.PermitRecorder.class).grantedAt);
			done.complete(null);
		}
		catch (Throwable ex) {
			done.completeExceptionally(ex);
		}
	}

}
