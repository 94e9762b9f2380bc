package io.github.wechatpaycomplaint.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.notification.ComplaintNotificationEndpointTests.App;
import io.github.wechatpaycomplaint.testsupport.HangingDataSource;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.github.wechatpaycomplaint.testsupport.SilentServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A de-duplication store that hangs makes the endpoint answer 500 within about the
 * operation timeout, well before WeChat Pay gives up (about 5 s), so that it delivers the
 * notification again, instead of holding a server thread for the driver's own timeout.
 */
class NotificationStoreTimeoutTests {

	private static final long NOW = 1_749_776_561L;

	private final SignedNotificationBuilder builder = NotificationContexts.notificationWithVectorKeys(NOW);

	@Test
	void aRedisThatNeverAnswersIs500WithinTheOperationTimeout() throws Exception {
		try (SilentServer server = new SilentServer()) {
			RedisStandaloneConfiguration silent = new RedisStandaloneConfiguration("127.0.0.1", server.port());
			run(NotificationContexts.webRunner()
				.withBean(LettuceConnectionFactory.class, () -> new LettuceConnectionFactory(silent))
				.withPropertyValues("wechatpay.complaint.notification.deduplication.store=redis"),
					this::answers500InTime);
		}
	}

	@Test
	void aDatabaseThatNeverHandsOutAConnectionIs500WithinTheOperationTimeout() {
		HangingDataSource database = new HangingDataSource();
		run(NotificationContexts.webRunner()
			.withBean(DataSource.class, database::dataSource)
			.withPropertyValues("wechatpay.complaint.notification.deduplication.store=jdbc"), this::answers500InTime);
	}

	private void answers500InTime(App app) {
		long start = System.nanoTime();
		MvcResult result = app.post(this.builder.id("store-hangs").build());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(result.getResponse().getStatus()).isEqualTo(500);
		assertThat(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
			.startsWith("{\"code\":\"STORE_UNAVAILABLE\"");
		assertThat(app.listener().events()).isEmpty();
	}

	private void run(WebApplicationContextRunner runner, Consumer<App> test) {
		runner.withUserConfiguration(ComplaintNotificationEndpointTests.TestConfiguration.class)
			.withPropertyValues("wechatpay.complaint.notification.deduplication.operation-timeout=1s")
			.run(App.started(test));
	}

}
