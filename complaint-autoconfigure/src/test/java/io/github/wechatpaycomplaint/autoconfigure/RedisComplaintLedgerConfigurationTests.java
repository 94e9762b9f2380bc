package io.github.wechatpaycomplaint.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.github.wechatpaycomplaint.deadline.ComplaintFact;
import io.github.wechatpaycomplaint.deadline.ComplaintLedger;
import io.github.wechatpaycomplaint.deadline.ComplaintRef;
import io.github.wechatpaycomplaint.deadline.DeadlineRules;
import io.github.wechatpaycomplaint.deadline.MemoryComplaintLedger;
import io.github.wechatpaycomplaint.deadline.store.RedisComplaintLedger;
import io.github.wechatpaycomplaint.testsupport.RedisScratch;
import io.github.wechatpaycomplaint.testsupport.Services;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static io.github.wechatpaycomplaint.autoconfigure.StartupFailureAssertions.assertInvalidProperty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the REDIS complaint ledger is chosen and built: by {@code deadlines.store} or, when
 * unset, by the de-duplication store's setting; on the application's Redis, with the
 * startup failures that name the property to fix; and, on a real Redis, the next checks
 * recomputed at startup after a rules change.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisComplaintLedgerConfigurationTests {

	private static final String PREFIX = "wechatpay.complaint.deadlines.";

	private static final String DEDUPLICATION_STORE = "wechatpay.complaint.notification.deduplication.store";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ComplaintDeadlineAutoConfiguration.class))
		.withPropertyValues(PREFIX + "enabled=true", PREFIX + "check-interval=1h", PREFIX + "operation-timeout=500ms");

	@Test
	void chosenByTheDeadlinesStoreAndOnlyWarnsWhenRedisIsDown(CapturedOutput output) {
		this.runner.withBean(RedisConnectionFactory.class, () -> redis(closedPort()))
			.withPropertyValues(PREFIX + "store=redis", PREFIX + "redis.key-prefix={my-app:ledger}:")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).getBean(ComplaintLedger.class)
					.hasToString("RedisComplaintLedger[keyPrefix={my-app:ledger}:, operationTimeout=PT0.5S]");
				assertThat(context.getBean(ComplaintLedger.class).isShared()).isTrue();
			});
		assertThat(output).contains("Redis did not answer the complaint ledger at startup")
			.contains("Could not recompute the next deadline checks");
	}

	@Test
	void inheritedFromTheDeduplicationStoreOnTheApplicationsTemplate() {
		this.runner.withBean(StringRedisTemplate.class, () -> new StringRedisTemplate(redis(closedPort())))
			.withPropertyValues(DEDUPLICATION_STORE + "=redis")
			.run((context) -> assertThat(context).getBean(ComplaintLedger.class)
				.hasToString("RedisComplaintLedger[keyPrefix={wechatpay:complaint:ledger}:, operationTimeout=PT0.5S]"));
	}

	@Test
	void theDeadlinesStoreOverridesTheDeduplicationStore() {
		this.runner.withPropertyValues(DEDUPLICATION_STORE + "=redis", PREFIX + "store=memory")
			.run((context) -> assertThat(context).getBean(ComplaintLedger.class)
				.isInstanceOf(MemoryComplaintLedger.class));
	}

	@Test
	void withoutSpringDataRedisFailsNamingTheProperty() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues(PREFIX + "store=redis")
			.run((context) -> assertThat(assertInvalidProperty(context, PREFIX + "store").getProblem())
				.contains("the complaint ledger is REDIS but Spring Data Redis is not on the classpath"));
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues(DEDUPLICATION_STORE + "=redis")
			.run((context) -> assertThat(assertInvalidProperty(context, DEDUPLICATION_STORE).getAction())
				.contains("spring-boot-starter-data-redis", PREFIX + "store=memory"));
	}

	@Test
	void withoutRedisFailsNamingThePropertyAndTheFix() {
		this.runner.withPropertyValues(PREFIX + "store=redis").run((context) -> {
			InvalidComplaintPropertyException invalid = assertInvalidProperty(context, PREFIX + "store");
			assertThat(invalid.getProblem())
				.contains("the complaint ledger is REDIS but the application has no (single) RedisConnectionFactory");
			assertThat(invalid.getAction()).contains("spring-boot-starter-data-redis", PREFIX + "store=memory");
		});
		this.runner.withPropertyValues(DEDUPLICATION_STORE + "=redis")
			.run((context) -> assertInvalidProperty(context, DEDUPLICATION_STORE));
	}

	@Test
	void onARedisClusterAKeyPrefixWithoutHashTagFailsNamingTheProperty() {
		LettuceConnectionFactory cluster = new LettuceConnectionFactory(
				new RedisClusterConfiguration(List.of("127.0.0.1:" + closedPort())));
		this.runner.withBean(RedisConnectionFactory.class, () -> cluster)
			.withPropertyValues(PREFIX + "store=redis", PREFIX + "redis.key-prefix=my-app:ledger:")
			.run((context) -> assertThat(assertInvalidProperty(context, PREFIX + "redis.key-prefix").getProblem())
				.contains("without a hash tag", "Redis is a cluster"));
	}

	@Test
	@Tag("services")
	void atStartupTheNextChecksStoredUnderOtherRulesAreRecomputed(CapturedOutput output) {
		try (RedisScratch scratch = RedisScratch.hashTagged()) {
			String keyPrefix = scratch.prefix() + UUID.randomUUID() + ":";
			Instant filed = Instant.now();
			new RedisComplaintLedger(scratch.template(), keyPrefix, DeadlineRules.WECHAT_PAY, Clock.systemUTC(),
					Duration.ofSeconds(10))
				.record(new ComplaintRef("default", "1900000001", "200000001"), new ComplaintFact.Filed(filed));
			// A connection of the context's own: closing the context destroys it.
			this.runner.withBean(RedisConnectionFactory.class, Services::redis)
				.withPropertyValues(PREFIX + "store=redis", PREFIX + "redis.key-prefix=" + keyPrefix,
						PREFIX + "operation-timeout=10s", PREFIX + "first-reply-warning=6h")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(ComplaintLedger.class).dueForCheck(filed.plus(Duration.ofHours(18)), 10))
						.hasSize(1);
				});
			assertThat(output).contains("Recomputed the next deadline check of 1 open complaints");
			// This machine's Redis keeps nothing on disk: the risk is reported as Redis
			// states it.
			List<String> risks = new RedisComplaintLedger(scratch.template(), keyPrefix, DeadlineRules.WECHAT_PAY,
					Clock.systemUTC(), Duration.ofSeconds(10))
				.durabilityRisks();
			assertThat(risks).isNotEmpty();
			risks.forEach((risk) -> assertThat(output)
				.contains("The Redis complaint ledger may lose complaints, whose deadlines are then not watched until "
						+ "reconciliation lists them again: " + risk));
		}
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

}
