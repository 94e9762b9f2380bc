package io.github.wechatpaycomplaint.autoconfigure;

import java.util.UUID;

import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import io.github.wechatpaycomplaint.resilience.RateLimitExceededException;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.wechatpaycomplaint.autoconfigure.ManyMerchantsTests.COMPLAINT_ID;
import static io.github.wechatpaycomplaint.autoconfigure.ManyMerchantsTests.HK_MCHID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two instances with two merchants share their rate limits through the real Redis at
 * 127.0.0.1:6379, each merchant under its own merchant id: a merchant whose quota the
 * first instance used up is refused on the second, while the other merchant calls freely
 * on both. Fails (does not skip) when Redis is not running.
 */
@Tag("services")
class ManyMerchantsSharedRateLimitIntegrationTests {

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final String keyPrefix = "test:" + UUID.randomUUID() + ":";

	@Test
	void eachMerchantsQuotaIsSharedByEveryInstanceUnderItsOwnMerchantId() {
		ManyMerchantsTests.stubBoth(this.wechatPay);
		ApplicationContextRunner instance = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
					DataRedisAutoConfiguration.class, ComplaintClientAutoConfiguration.class,
					ComplaintApiAutoConfiguration.class, ComplaintMerchantsAutoConfiguration.class))
			.withPropertyValues(ManyMerchantsTests.entries(this.wechatPay))
			.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6379",
					"wechatpay.complaint.client.rate-limit.store=redis",
					"wechatpay.complaint.client.rate-limit.redis-key-prefix=" + this.keyPrefix,
					"wechatpay.complaint.client.rate-limit.redis-timeout=10s",
					"wechatpay.complaint.client.rate-limit.max-wait=0s",
					"wechatpay.complaint.client.rate-limit.feedback.permits=600",
					"wechatpay.complaint.merchants.hk.client.rate-limit.feedback.permits=1",
					"wechatpay.complaint.merchants.hk.client.rate-limit.feedback.period=1h");
		instance.run((first) -> instance.run((second) -> {
			WechatPayMerchants one = first.getBean(WechatPayMerchants.class);
			WechatPayMerchants two = second.getBean(WechatPayMerchants.class);
			assertThat(one.client("hk").getComplaint(COMPLAINT_ID).complaintId()).isEqualTo(COMPLAINT_ID);
			assertThatExceptionOfType(RateLimitExceededException.class)
				.isThrownBy(() -> two.client("hk").getComplaint(COMPLAINT_ID))
				.withMessageContaining(HK_MCHID);
			for (int i = 0; i < 2; i++) {
				Thread.sleep(300);
				assertThat(two.client("main").getComplaint(COMPLAINT_ID).complaintId()).isEqualTo(COMPLAINT_ID);
				Thread.sleep(300);
				assertThat(one.client("main").getComplaint(COMPLAINT_ID).complaintId()).isEqualTo(COMPLAINT_ID);
			}
		}));
		assertThat(this.wechatPay.requests()).hasSize(5);
		RedisClient redis = RedisClient.create(RedisURI.create("127.0.0.1", 6379));
		try (StatefulRedisConnection<String, String> connection = redis.connect()) {
			assertThat(connection.sync().exists(this.keyPrefix + HK_MCHID + ":FEEDBACK")).isOne();
			assertThat(connection.sync().exists(this.keyPrefix + WechatPayStandIn.MCHID + ":FEEDBACK")).isOne();
		}
		finally {
			redis.shutdown();
		}
	}

}
