package io.github.wechatpaycomplaint.notification;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.wechatpaycomplaint.testsupport.MutableClock;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.github.wechatpaycomplaint.testsupport.RecordingListener;
import io.github.wechatpaycomplaint.testsupport.Services;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of an application sharing one store on a real server: concurrent
 * deliveries of one notification to both produce exactly one event, and WeChat Pay's
 * retries are answered as duplicates.
 */
@Tag("services")
class SharedStoreClusterIntegrationTests {

	private static final long NOW = 1_749_776_561L;

	@Test
	void twoInstancesSharingRedisPublishOneEvent() {
		String prefix = "wpc-cluster:" + UUID.randomUUID() + ":";
		WebApplicationContextRunner runner = instance()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6379",
					"wechatpay.complaint.notification.deduplication.store=redis",
					"wechatpay.complaint.notification.deduplication.redis.key-prefix=" + prefix);
		try {
			assertOneEventAcross(runner);
		}
		finally {
			runner.run((context) -> {
				StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
				redis.delete(redis.keys(prefix + "*"));
			});
		}
	}

	@Test
	void twoInstancesSharingPostgresqlPublishOneEvent() {
		assertOneEventAcrossJdbc(Services.POSTGRESQL_URL, "postgres");
	}

	@Test
	void twoInstancesSharingMariadbPublishOneEvent() {
		assertOneEventAcrossJdbc(Services.MARIADB_URL, "root");
	}

	private void assertOneEventAcrossJdbc(String url, String user) {
		String table = "wpc_cluster_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
		WebApplicationContextRunner runner = instance()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=" + user,
					"spring.datasource.password=", "wechatpay.complaint.notification.deduplication.store=jdbc",
					"wechatpay.complaint.notification.deduplication.jdbc.table-name=" + table,
					"wechatpay.complaint.notification.deduplication.jdbc.initialize-schema=true");
		try {
			assertOneEventAcross(runner);
		}
		finally {
			runner.run((context) -> context.getBean(JdbcTemplate.class).execute("DROP TABLE IF EXISTS " + table));
		}
	}

	private static WebApplicationContextRunner instance() {
		return NotificationContexts.webRunner()
			.withBean(MutableClock.class, () -> MutableClock.atEpochSecond(NOW))
			.withBean(RecordingListener.class, RecordingListener::new);
	}

	private static void assertOneEventAcross(WebApplicationContextRunner runner) {
		SignedNotification notification = NotificationContexts.notificationWithVectorKeys(NOW).build();
		runner.run((first) -> runner.run((second) -> {
			assertThat(first).hasNotFailed();
			assertThat(second).hasNotFailed();
			RecordingListener firstListener = first.getBean(RecordingListener.class);
			RecordingListener secondListener = second.getBean(RecordingListener.class);
			firstListener.delay(300);
			secondListener.delay(300);
			MockMvc[] instances = { MockMvcBuilders.webAppContextSetup(first).build(),
					MockMvcBuilders.webAppContextSetup(second).build() };
			AtomicInteger next = new AtomicInteger();
			List<Integer> statuses = ComplaintNotificationEndpointTests.concurrently(100,
					() -> instances[next.getAndIncrement() % 2].perform(NotificationContexts.post(notification))
						.andReturn()
						.getResponse()
						.getStatus());
			assertThat(statuses).allMatch((status) -> status == 204 || status == 503).contains(204);
			assertThat(firstListener.calls() + secondListener.calls()).isEqualTo(1);
			// WeChat Pay's retries, to either instance, are duplicates now.
			for (MockMvc instance : instances) {
				assertThat(
						instance.perform(NotificationContexts.post(notification)).andReturn().getResponse().getStatus())
					.isEqualTo(204);
			}
			assertThat(firstListener.events().size() + secondListener.events().size()).isEqualTo(1);
		}));
	}

}
