package io.github.wechatpaycomplaint.resilience;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.InvalidComplaintPropertyException;
import io.github.wechatpaycomplaint.testsupport.ResourcesToClose;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.AutoClose;
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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Redis-shared limiter falls back to local limits when Redis cannot be reached, waits
 * for Redis no longer than its timeout, and tries Redis again after the retry interval.
 * No Redis server is needed: these tests use closed and silent ports;
 * {@link SharedRateLimiterIntegrationTests} shows the return to a real Redis.
 */
@ExtendWith(OutputCaptureExtension.class)
class FallbackRateLimiterTests {

	static final String WARNING = "Shared rate limits are unavailable";

	private static final Map<RateLimitedApi, RateLimit> ONE_A_MINUTE = Map.of(RateLimitedApi.FEEDBACK,
			new RateLimit(1, Duration.ofMinutes(1)));

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	@AutoClose
	private final ResourcesToClose resources = new ResourcesToClose();

	@Test
	void aRedisOnAClosedPortLeavesTheCallsToTheLocalLimitsAndIsReportedOnce(CapturedOutput output) throws Exception {
		int closedPort = closedPort();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
					DataRedisAutoConfiguration.class, ComplaintClientAutoConfiguration.class))
			.withPropertyValues(this.wechatPay.publicKeyModeProperties())
			.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + closedPort,
					"wechatpay.complaint.client.rate-limit.store=redis",
					"wechatpay.complaint.client.rate-limit.feedback.permits=1",
					"wechatpay.complaint.client.rate-limit.feedback.period=1m",
					"wechatpay.complaint.client.rate-limit.max-wait=100ms",
					// Every call tries Redis again, and still only one warning is logged.
					"wechatpay.complaint.client.rate-limit.redis-retry-interval=1ms")
			.run((context) -> {
				WechatPayRateLimiter limiter = context.getBean(WechatPayRateLimiter.class);
				assertThat(limiter).isInstanceOf(FallbackRateLimiter.class);
				limiter.acquire(WechatPayStandIn.MCHID, RateLimitedApi.FEEDBACK);
				// The local limits still hold: the second call of the minute is refused,
				// not let through.
				for (int i = 0; i < 3; i++) {
					Thread.sleep(5);
					assertThatExceptionOfType(RateLimitExceededException.class)
						.isThrownBy(() -> limiter.acquire(WechatPayStandIn.MCHID, RateLimitedApi.FEEDBACK));
				}
			});
		assertThat(output.getOut().split(WARNING, -1)).hasSize(2);
		assertThat(output.getOut()).contains("WARN").contains(RedisConnectionException.class.getName());
	}

	@Test
	void aRedisThatAcceptsButNeverAnswersCostsACallAtMostTheTimeout(CapturedOutput output) throws Exception {
		ServerSocket silent = new ServerSocket(0);
		this.resources.add(silent);
		List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
		Thread acceptor = new Thread(() -> {
			try {
				while (true) {
					accepted.add(silent.accept());
				}
			}
			catch (IOException ex) {
				// closed
			}
		});
		acceptor.setDaemon(true);
		acceptor.start();
		FallbackRateLimiter limiter = redisLimiter(silent.getLocalPort(), Duration.ofMillis(300),
				Duration.ofMinutes(1));
		long start = System.nanoTime();
		limiter.acquire(WechatPayStandIn.MCHID, RateLimitedApi.FEEDBACK);
		// Lettuce's own command timeout is 60 s; the limiter gives up on Redis after 300
		// ms.
		assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(5);
		assertThat(accepted).isNotEmpty();
		assertThat(output.getOut()).contains(WARNING);
		// Within the retry interval the next calls do not touch Redis: the local quota
		// answers at once.
		assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> limiter.acquire(WechatPayStandIn.MCHID, RateLimitedApi.FEEDBACK));
		for (Socket socket : accepted) {
			socket.close();
		}
	}

	@Test
	void triesTheSharedLimiterAgainAfterTheRetryIntervalWithOneCallOnly(CapturedOutput output) throws Exception {
		AtomicInteger sharedCalls = new AtomicInteger();
		AtomicInteger localCalls = new AtomicInteger();
		CountDownLatch probing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		boolean[] down = { true };
		WechatPayRateLimiter shared = (merchantId, api) -> {
			sharedCalls.incrementAndGet();
			if (down[0]) {
				throw new RedisConnectionException("Connection refused");
			}
			probing.countDown();
			await(release);
		};
		FallbackRateLimiter limiter = new FallbackRateLimiter(shared, (merchantId, api) -> localCalls.incrementAndGet(),
				Duration.ofMillis(300));
		limiter.acquire(WechatPayStandIn.MCHID, RateLimitedApi.FEEDBACK);
		limiter.acquire(WechatPayStandIn.MCHID, RateLimitedApi.FEEDBACK);
		assertThat(sharedCalls).hasValue(1);
		assertThat(localCalls).hasValue(2);
		down[0] = false;
		Thread.sleep(400);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(pool.submit(() -> limiter.acquire(WechatPayStandIn.MCHID, RateLimitedApi.FEEDBACK)));
			}
			assertThat(probing.await(5, TimeUnit.SECONDS)).isTrue();
			// While one call tries the shared limiter, the others keep to the local one
			// instead of queueing on it.
			for (int i = 0; i < 50 && localCalls.get() < 9; i++) {
				Thread.sleep(100);
			}
			assertThat(localCalls).hasValue(9);
			assertThat(sharedCalls).hasValue(2);
			release.countDown();
			for (Future<?> call : calls) {
				call.get(5, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		// Back on the shared limiter for good.
		limiter.acquire(WechatPayStandIn.MCHID, RateLimitedApi.FEEDBACK);
		assertThat(sharedCalls).hasValue(3);
		assertThat(localCalls).hasValue(9);
		assertThat(output.getOut()).contains("Shared rate limits are available again");
	}

	@Test
	void anExhaustedSharedQuotaIsNotAFailure() {
		AtomicInteger localCalls = new AtomicInteger();
		FallbackRateLimiter limiter = new FallbackRateLimiter((merchantId, api) -> {
			throw new RateLimitExceededException(api, "quota used up");
		}, (merchantId, api) -> localCalls.incrementAndGet(), Duration.ofMinutes(1));
		assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> limiter.acquire(WechatPayStandIn.MCHID, RateLimitedApi.FEEDBACK));
		assertThat(localCalls).hasValue(0);
	}

	@Test
	void nonPositiveRedisDurationsFailAtStartupWithTheFix() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
					DataRedisAutoConfiguration.class, ComplaintClientAutoConfiguration.class))
			.withPropertyValues(this.wechatPay.publicKeyModeProperties())
			.withPropertyValues("wechatpay.complaint.client.rate-limit.store=redis");
		for (String property : List.of("redis-timeout", "redis-retry-interval")) {
			String name = "wechatpay.complaint.client.rate-limit." + property;
			runner.withPropertyValues(name + "=0s")
				.run((context) -> assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOfSatisfying(InvalidComplaintPropertyException.class, (ex) -> {
						// ComplaintDurationChecks refuses it while the properties bind,
						// before any Redis is touched.
						assertThat(ex.getProperty()).isEqualTo(name);
						assertThat(ex.getAction()).contains("positive duration");
					}));
		}
	}

	private FallbackRateLimiter redisLimiter(int port, Duration timeout, Duration retryInterval) {
		RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
		this.resources.add(client::shutdown);
		FallbackRateLimiter limiter = new FallbackRateLimiter(
				new Bucket4jRateLimiter(ONE_A_MINUTE, Duration.ofMillis(100),
						new RedisRateLimiterBuckets(() -> client, "test:", timeout)),
				Bucket4jRateLimiter.local(ONE_A_MINUTE, Duration.ofMillis(100)), retryInterval);
		this.resources.addFirst(limiter);
		return limiter;
	}

	static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
