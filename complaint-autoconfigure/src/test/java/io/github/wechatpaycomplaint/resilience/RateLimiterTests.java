package io.github.wechatpaycomplaint.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.InvalidComplaintPropertyException;
import io.github.wechatpaycomplaint.client.WechatPayComplaintRestClient;
import io.github.wechatpaycomplaint.client.WechatPayOperation;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The in-memory limiter keeps one context's calls under the quota; the Redis one is in
 * {@link SharedRateLimiterIntegrationTests}.
 */
class RateLimiterTests {

	static final String DETAIL = "/v3/merchant-service/complaints-v2/200201820200101080076610000";

	// The certificate download counts against no quota.
	static final String WARM_UP = "/v3/certificates";

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
				ComplaintClientAutoConfiguration.class))
		.withPropertyValues(this.wechatPay.publicKeyModeProperties())
		.withPropertyValues("wechatpay.complaint.client.rate-limit.feedback.permits=5",
				"wechatpay.complaint.client.rate-limit.feedback.period=1s")
		.withBean(PermitRecorder.class);

	@Test
	void neverSendsFasterThanTheQuotaFromManyThreads() {
		stubDetailAndWarmUp(this.wechatPay);
		this.contextRunner.run((context) -> {
			callConcurrently(context, 15, 4);
			assertNeverFasterThan(context.getBean(PermitRecorder.class).grantedAt, 5, 1000);
		});
		assertThat(detailTimes(this.wechatPay)).hasSize(15);
	}

	@Test
	void failsClearlyWhenNoPermitComesInTime() {
		this.wechatPay.stub(get(urlPathMatching(DETAIL)).willReturn(this.wechatPay.signedAnswer(200, "{}")));
		this.contextRunner
			.withPropertyValues("wechatpay.complaint.client.rate-limit.feedback.period=1m",
					"wechatpay.complaint.client.rate-limit.max-wait=100ms")
			.run((context) -> {
				detail(context);
				assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> detail(context))
					.withMessageContaining("FEEDBACK")
					.withMessageContaining(WechatPayStandIn.MCHID)
					.satisfies((ex) -> assertThat(ex.getApi()).isEqualTo(RateLimitedApi.FEEDBACK));
			});
		assertThat(this.wechatPay.requests()).hasSize(1);
	}

	@Test
	void takesThePermitOfTheOperationsQuotaAndFeedbackForARequestWithoutOne() {
		this.wechatPay.stub(get(urlPathMatching("/v3/.*")).willReturn(this.wechatPay.signedAnswer(200, "{}")));
		List<RateLimitedApi> permits = new java.util.concurrent.CopyOnWriteArrayList<>();
		this.contextRunner
			.withBean("recordingLimiter", WechatPayRateLimiter.class, () -> (merchant, api) -> permits.add(api))
			.run((context) -> {
				RestClient client = context.getBean(WechatPayComplaintRestClient.BEAN_NAME, RestClient.class);
				String list = "/v3/merchant-service/complaints-v2";
				client.get()
					.uri(list)
					.attribute(WechatPayOperation.ATTRIBUTE, WechatPayOperation.LIST)
					.retrieve()
					.body(String.class);
				client.get()
					.uri(DETAIL)
					.attribute(WechatPayOperation.ATTRIBUTE, WechatPayOperation.DETAIL)
					.retrieve()
					.body(String.class);
				client.get()
					.uri(WARM_UP)
					.attribute(WechatPayOperation.ATTRIBUTE, WechatPayOperation.CERTIFICATES)
					.retrieve()
					.body(String.class);
				client.get().uri(list).retrieve().body(String.class);
			});
		assertThat(permits).containsExactly(RateLimitedApi.LIST, RateLimitedApi.FEEDBACK, RateLimitedApi.FEEDBACK);
		assertThat(this.wechatPay.requests()).hasSize(4);
	}

	@Test
	void canBeSwitchedOffOrReplaced() {
		this.contextRunner.withPropertyValues("wechatpay.complaint.client.rate-limit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WechatPayRateLimiter.class));
		this.contextRunner.withBean("myLimiter", WechatPayRateLimiter.class, () -> (merchant, api) -> {
		}).run((context) -> assertThat(context).hasSingleBean(WechatPayRateLimiter.class).hasBean("myLimiter"));
		this.contextRunner.withClassLoader(new FilteredClassLoader(io.github.bucket4j.Bucket.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WechatPayRateLimiter.class));
	}

	@Test
	void aRedisStoreWithoutRedisFailsAtStartupWithTheFix() {
		this.contextRunner.withPropertyValues("wechatpay.complaint.client.rate-limit.store=redis").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidComplaintPropertyException.class, (ex) -> {
					assertThat(ex.getProperty()).isEqualTo("wechatpay.complaint.client.rate-limit.store");
					assertThat(ex.getAction()).contains("spring-boot-starter-data-redis", "store=memory");
				});
		});
		this.contextRunner.withPropertyValues("wechatpay.complaint.client.rate-limit.store=redis")
			.withClassLoader(new FilteredClassLoader("io.github.bucket4j.redis"))
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidComplaintPropertyException.class,
						(ex) -> assertThat(ex.getAction()).contains("bucket4j_jdk17-lettuce")));
	}

	static void callConcurrently(AssertableApplicationContext context, int calls, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			// Open the HTTP connections first, with a call outside the quota: a first
			// call's connection set-up would
			// otherwise delay its arrival and squeeze it against the next one at the
			// receiving end.
			List<Callable<String>> warmUp = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				warmUp.add(() -> context.getBean(WechatPayComplaintRestClient.BEAN_NAME, RestClient.class)
					.get()
					.uri(WARM_UP)
					.attribute(WechatPayOperation.ATTRIBUTE, WechatPayOperation.CERTIFICATES)
					.retrieve()
					.body(String.class));
			}
			for (Future<String> result : pool.invokeAll(warmUp)) {
				result.get();
			}
			List<Callable<String>> tasks = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				tasks.add(() -> detail(context));
			}
			for (Future<String> result : pool.invokeAll(tasks)) {
				assertThat(result.get()).isEqualTo("{}");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	static void stubDetailAndWarmUp(WechatPayStandIn wechatPay) {
		wechatPay.stub(get(urlPathMatching(DETAIL)).willReturn(wechatPay.signedAnswer(200, "{}")));
		wechatPay.stub(get(urlPathMatching(WARM_UP)).willReturn(wechatPay.signedAnswer(200, "{}")));
	}

	static List<Long> detailTimes(WechatPayStandIn wechatPay) {
		return wechatPay.requests()
			.stream()
			.filter((request) -> request.getUrl().equals(DETAIL))
			.map((request) -> request.getLoggedDate().getTime())
			.toList();
	}

	static String detail(AssertableApplicationContext context) {
		RestClient client = context.getBean(WechatPayComplaintRestClient.BEAN_NAME, RestClient.class);
		return client.get().uri(DETAIL).retrieve().body(String.class);
	}

	/**
	 * Asserts that no window of {@code periodMillis} holds more than {@code permits}
	 * calls. Measured when each call got its permit, right before it is signed and sent:
	 * arrival times at a server add network and scheduling jitter that no client can
	 * control.
	 */
	// The times are taken when each caller's thread wakes up with its permit, so a caller
	// whose wake-up the OS
	// delays makes its window look shorter than the limiter made it. The limiter spaces
	// permits 2% wider than the
	// quota to absorb that; the check allows half of it (10 ms a second), which a burst
	// of two permits still fails by
	// the whole spacing.
	// A thread that wakes late for its permit is recorded late and can land next to the
	// following permit; the slack
	// absorbs that scheduling delay on a busy machine. A limiter that does not limit
	// gives gaps near zero and still
	// fails.
	static final long SCHEDULING_SLACK_MILLIS = 150;

	static void assertNeverFasterThan(List<Long> grantedAtNanos, int permits, long periodMillis) {
		List<Long> times = grantedAtNanos.stream().sorted().toList();
		assertThat(times.size()).isGreaterThan(permits);
		for (int i = 0; i + permits < times.size(); i++) {
			assertThat((times.get(i + permits) - times.get(i)) / 1_000_000.0).as("calls %d to %d", i, i + permits)
				.isGreaterThanOrEqualTo(periodMillis * 0.99 - SCHEDULING_SLACK_MILLIS);
		}
	}

	/**
	 * Records when the real limiter grants each permit, without changing it.
	 */
	static class PermitRecorder implements org.springframework.beans.factory.config.BeanPostProcessor {

		final List<Long> grantedAt = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof WechatPayRateLimiter limiter) {
				return (WechatPayRateLimiter) (merchantId, api) -> {
					limiter.acquire(merchantId, api);
					this.grantedAt.add(System.nanoTime());
				};
			}
			return bean;
		}

	}

}
