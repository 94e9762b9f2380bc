package io.github.wechatpaycomplaint.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;

import io.github.wechatpaycomplaint.notification.inbox.FailedNotifications;
import io.github.wechatpaycomplaint.notification.inbox.InboxWorker;
import io.github.wechatpaycomplaint.notification.inbox.JdbcNotificationInbox;
import io.github.wechatpaycomplaint.notification.inbox.MemoryNotificationInbox;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;
import io.github.wechatpaycomplaint.notification.inbox.RedisNotificationInbox;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each condition of {@link NotificationInboxConfigurations}: nothing in the default
 * in-request processing; in durable processing the inbox the property names (memory with
 * a warning, JDBC or Redis), its worker and the failed-notification operations; the
 * startup failures that name the fix; the back-off for the application's own inbox.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationInboxConfigurationsTests {

	private static final String DURABLE = "wechatpay.complaint.notification.processing=durable";

	private static final String STORE = "wechatpay.complaint.notification.inbox.store=";

	private static final String INITIALIZE_SCHEMA = "wechatpay.complaint.notification.inbox.jdbc.initialize-schema=true";

	private final WebApplicationContextRunner runner = NotificationContexts.webRunner();

	@Test
	void inRequestProcessingIsTheDefaultAndHasNoInbox() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(NotificationInbox.class)
				.doesNotHaveBean(InboxWorker.class)
				.doesNotHaveBean(FailedNotifications.class);
			assertThat(context.getBean(ComplaintNotificationProperties.class).getProcessing())
				.isEqualTo(ComplaintNotificationProperties.Processing.IN_REQUEST);
		});
	}

	@Test
	void inRequestWhenChosen() {
		this.runner.withPropertyValues("wechatpay.complaint.notification.processing=in-request")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NotificationInbox.class));
	}

	@Test
	void durableUsesTheMemoryInboxByDefaultAndWarnsThatItIsNotDurable(CapturedOutput output) {
		this.runner.withPropertyValues(DURABLE).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(InboxWorker.class)
				.hasSingleBean(FailedNotifications.class);
			assertThat(context).getBean(NotificationInbox.class).isInstanceOf(MemoryNotificationInbox.class);
			assertThat(context.getBean(InboxWorker.class).isRunning()).isTrue();
		});
		assertThat(output).contains("WARN")
			.contains("uses the MEMORY inbox, which is not durable")
			.contains("wechatpay.complaint.notification.inbox.store=jdbc");
	}

	@Test
	void durableWithTheJdbcInbox(CapturedOutput output) {
		this.runner
			.withBean(DriverManagerDataSource.class,
					() -> new DriverManagerDataSource("jdbc:h2:mem:inbox-configurations;DB_CLOSE_DELAY=-1", "sa", ""))
			.withPropertyValues(DURABLE, STORE + "jdbc", INITIALIZE_SCHEMA)
			.run((context) -> assertThat(context).getBean(NotificationInbox.class)
				.isInstanceOf(JdbcNotificationInbox.class));
		assertThat(output).doesNotContain("binlog_format");
	}

	@Test
	void jdbcWithoutTheTableFailsNamingTheScripts() {
		this.runner
			.withBean(DriverManagerDataSource.class,
					() -> new DriverManagerDataSource("jdbc:h2:mem:inbox-no-table;DB_CLOSE_DELAY=-1", "sa", ""))
			.withPropertyValues(DURABLE, STORE + "jdbc")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription())
					.contains("the inbox table 'wechatpay_complaint_inbox' does not exist");
				assertThat(analysis.getAction())
					.contains("classpath:io/github/wechatpaycomplaint/notification/inbox/schema-postgresql.sql");
			});
	}

	@Test
	void jdbcWithoutADataSourceFailsNamingTheFix() {
		this.runner.withPropertyValues(DURABLE, STORE + "jdbc")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("wechatpay.complaint.notification.inbox.store")
				.contains("the inbox is JDBC but the application has no (single) DataSource"));
	}

	@Test
	void jdbcWithoutSpringJdbcFailsNamingTheLibrary() {
		this.runner.withClassLoader(new FilteredClassLoader(JdbcTemplate.class))
			.withPropertyValues(DURABLE, STORE + "jdbc")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("the inbox is JDBC but spring-jdbc is not on the classpath"));
	}

	@Test
	void durableWithTheRedisInboxOpensItsConnectionAtStartupAndOnlyWarnsWhenRedisIsDown(CapturedOutput output) {
		this.runner.withBean(RedisConnectionFactory.class, () -> redis(closedPort()))
			.withPropertyValues(DURABLE, STORE + "redis",
					"wechatpay.complaint.notification.inbox.redis.key-prefix={my-app:inbox}:",
					"wechatpay.complaint.notification.inbox.operation-timeout=1s")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(InboxWorker.class);
				assertThat(context).getBean(NotificationInbox.class)
					.isInstanceOf(RedisNotificationInbox.class)
					.hasToString("RedisNotificationInbox[keyPrefix={my-app:inbox}:, operationTimeout=PT1S]");
			});
		assertThat(output).contains("Redis did not answer the inbox at startup")
			.contains("Notifications are answered with 500 until it does")
			.doesNotContain("may lose notifications");
	}

	@Test
	void theRedisInboxUsesTheApplicationsStringRedisTemplate() {
		this.runner.withBean(StringRedisTemplate.class, () -> new StringRedisTemplate(redis(closedPort())))
			.withPropertyValues(DURABLE, STORE + "redis", "wechatpay.complaint.notification.inbox.operation-timeout=1s")
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(NotificationInbox.class)
				.hasToString("RedisNotificationInbox[keyPrefix={wechatpay:complaint:inbox}:, operationTimeout=PT1S]"));
	}

	@Test
	void redisWithoutAConnectionFactoryFailsNamingTheFix() {
		this.runner.withPropertyValues(DURABLE, STORE + "redis").run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).contains("wechatpay.complaint.notification.inbox.store")
				.contains("the inbox is REDIS but the application has no (single) RedisConnectionFactory");
			assertThat(analysis.getAction()).contains("spring-boot-starter-data-redis")
				.contains("choose the MEMORY inbox for development");
		});
	}

	@Test
	void onARedisClusterAKeyPrefixWithoutHashTagFailsNamingTheProperty() {
		LettuceConnectionFactory cluster = new LettuceConnectionFactory(
				new RedisClusterConfiguration(List.of("127.0.0.1:" + closedPort())));
		this.runner.withBean(RedisConnectionFactory.class, () -> cluster)
			.withPropertyValues(DURABLE, STORE + "redis",
					"wechatpay.complaint.notification.inbox.redis.key-prefix=my-app:inbox:")
			.run((context) -> {
				InvalidComplaintPropertyException invalid = StartupFailureAssertions.assertInvalidProperty(context,
						"wechatpay.complaint.notification.inbox.redis.key-prefix");
				assertThat(invalid.getProblem()).contains("without a hash tag", "Redis is a cluster");
				assertThat(invalid.getAction()).contains("'{my-appinbox}:'");
			});
		this.runner.withBean(RedisConnectionFactory.class, () -> cluster)
			.withPropertyValues(DURABLE, STORE + "redis", "wechatpay.complaint.notification.inbox.operation-timeout=1s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void redisWithoutSpringDataRedisFailsNamingTheLibrary() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues(DURABLE, STORE + "redis")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription())
					.contains("the inbox is REDIS but Spring Data Redis is not on the classpath");
				assertThat(analysis.getAction()).contains("spring-boot-starter-data-redis");
			});
	}

	@Test
	void aBlankRedisKeyPrefixIsRefused() {
		this.runner.withBean(RedisConnectionFactory.class, () -> redis(closedPort()))
			.withPropertyValues(DURABLE, STORE + "redis", "wechatpay.complaint.notification.inbox.redis.key-prefix= ")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("redis.keyPrefix"));
	}

	private static LettuceConnectionFactory redis(int port) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port));
		factory.afterPropertiesSet();
		return factory;
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void aRetryPolicyThatCannotWorkFailsAtStartup() {
		this.runner
			.withPropertyValues(DURABLE, "wechatpay.complaint.notification.inbox.retry.initial-delay=2h",
					"wechatpay.complaint.notification.inbox.retry.max-delay=1h")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription())
					.contains("wechatpay.complaint.notification.inbox.retry.max-delay");
				assertThat(analysis.getAction()).contains("Set max-delay to at least initial-delay");
			});
	}

	@Test
	void aRetentionShorterThanTheReplayWindowFailsNamingTheFix() {
		this.runner
			.withPropertyValues(DURABLE, "wechatpay.complaint.notification.max-clock-skew=5m",
					"wechatpay.complaint.notification.inbox.lease=5m",
					"wechatpay.complaint.notification.inbox.retention=14m")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription()).contains("wechatpay.complaint.notification.inbox.retention")
					.contains("PT15M");
				assertThat(analysis.getAction()).contains("Set it to at least PT15M");
			});
	}

	@Test
	void aRetentionAsLongAsTheReplayWindowIsAccepted() {
		this.runner
			.withPropertyValues(DURABLE, "wechatpay.complaint.notification.max-clock-skew=5m",
					"wechatpay.complaint.notification.inbox.lease=5m",
					"wechatpay.complaint.notification.inbox.retention=15m")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(InboxWorker.class));
	}

	@Test
	void aMultiplierBelowOneFailsWithItsOwnHint() {
		this.runner.withPropertyValues(DURABLE, "wechatpay.complaint.notification.inbox.retry.multiplier=0.5")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription())
					.contains("wechatpay.complaint.notification.inbox.retry.multiplier");
				assertThat(analysis.getAction()).contains("such as the default 2").doesNotContain("max-delay");
			});
	}

	@Test
	void aJitterOfTheWholeDelayFailsWithItsOwnHint() {
		this.runner.withPropertyValues(DURABLE, "wechatpay.complaint.notification.inbox.retry.jitter=1")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription()).contains("wechatpay.complaint.notification.inbox.retry.jitter");
				assertThat(analysis.getAction()).contains("from 0 up to 0.9").doesNotContain("max-delay");
			});
	}

	@Test
	void anOperationTimeoutPastFourSecondsFailsNamingTheLimit() {
		this.runner.withPropertyValues(DURABLE, "wechatpay.complaint.notification.inbox.operation-timeout=5s")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription())
					.contains("wechatpay.complaint.notification.inbox.operation-timeout");
				assertThat(analysis.getAction()).contains("at most 4s");
			});
		this.runner.withPropertyValues(DURABLE, "wechatpay.complaint.notification.inbox.operation-timeout=4s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aConcurrencyBelowOneIsRefused() {
		this.runner.withPropertyValues(DURABLE, "wechatpay.complaint.notification.inbox.concurrency=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "jdbc", "redis" })
	void backsOffFromTheApplicationsInbox(String store) {
		this.runner.withUserConfiguration(UserInboxConfiguration.class)
			.withPropertyValues(DURABLE, STORE + store)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(NotificationInbox.class)
				.isSameAs(context.getBean("userInbox")));
	}

	private static FailureAnalysis analysis(AssertableWebApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new InvalidComplaintPropertyFailureAnalyzer().analyze(context.getStartupFailure());
		// Found anywhere in the cause chain, as Spring Boot's failure analysis does.
		assertThat(analysis).as("an InvalidComplaintPropertyException in the cause chain").isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserInboxConfiguration {

		@Bean
		NotificationInbox userInbox() {
			return new MemoryNotificationInbox(Clock.systemUTC());
		}

	}

}
