package io.github.wechatpaycomplaint.resilience;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;


/**
 * Two application contexts sharing a Redis-held quota on the real Redis at 127.0.0.1:6379 never send faster than the
 * quota between them. Fails (does not skip) when Redis is not running.
 */
@Tag("services")
class SharedRateLimiterIntegrationTests {

	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	@AfterEach
	void stop() {
		this.wechatPay.close();
	}

	@Test
	void twoInstancesSharingRedisStayUnderOneQuota() throws Exception {
		RateLimiterTests.stubDetailAndWarmUp(this.wechatPay);
		ApplicationContextRunner instance = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
					DataRedisAutoConfiguration.class, ComplaintClientAutoConfiguration.class))
			.withPropertyValues(this.wechatPay.publicKeyModeProperties())
			.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6379",
					"wechatpay.complaint.client.rate-limit.store=redis",
					"wechatpay.complaint.client.rate-limit.redis-key-prefix=test:" + UUID.randomUUID() + ":",
					"wechatpay.complaint.client.rate-limit.feedback.permits=10",
					"wechatpay.complaint.client.rate-limit.feedback.period=3s",
					"wechatpay.complaint.client.rate-limit.max-wait=30s")
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
		org.assertj.core.api.Assertions.assertThat(RateLimiterTests.detailTimes(this.wechatPay)).hasSize(30);
		RateLimiterTests.assertNeverFasterThan(grantedAt, 10, 3000);
	}

	private static void run(org.springframework.boot.test.context.assertj.AssertableApplicationContext context,
			CompletableFuture<Void> done, java.util.List<Long> grantedAt) {
		try {
			org.assertj.core.api.Assertions.assertThat(context).hasNotFailed();
			RateLimiterTests.callConcurrently(context, 15, 3);
			grantedAt.addAll(context.getBean(RateLimiterTests.PermitRecorder.class).grantedAt);
			done.complete(null);
		}
		catch (Throwable ex) {
			done.completeExceptionally(ex);
		}
	}

}
