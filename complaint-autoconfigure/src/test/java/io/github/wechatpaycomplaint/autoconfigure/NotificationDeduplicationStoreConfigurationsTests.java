package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Duration;

import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.store.CaffeineNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.store.JdbcNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.store.RedisNotificationDeduplicationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each condition of {@link NotificationDeduplicationStoreConfigurations}: the store the
 * property names, the startup failure that names the missing library or connection, and
 * the back-off for the application's own store.
 */
class NotificationDeduplicationStoreConfigurationsTests {

	private static final String STORE = "wechatpay.complaint.notification.deduplication.store=";

	private static final String INITIALIZE_SCHEMA = "wechatpay.complaint.notification.deduplication.jdbc.initialize-schema=true";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(StoreConfiguration.class);

	// The application's configuration is processed first, as before any
	// auto-configuration.
	private final ApplicationContextRunner withUserStore = new ApplicationContextRunner()
		.withUserConfiguration(UserStoreConfiguration.class, StoreConfiguration.class);

	@Test
	void memoryIsTheDefault() {
		this.runner.run(storeIs(CaffeineNotificationDeduplicationStore.class));
	}

	@Test
	void memoryWhenChosen() {
		this.runner.withPropertyValues(STORE + "memory")
			.run((context) -> assertThat(context).getBean(NotificationDeduplicationStore.class)
				.isInstanceOf(CaffeineNotificationDeduplicationStore.class));
	}

	@Test
	void memoryWithoutCaffeineFailsNamingTheLibrary() {
		this.runner.withClassLoader(new FilteredClassLoader("com.github.benmanes.caffeine"))
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("wechatpay.complaint.notification.deduplication.store")
				.contains("the store is MEMORY but Caffeine (com.github.ben-manes.caffeine:caffeine) is not on the "
						+ "classpath"));
	}

	@Test
	void jdbcWithADataSource() {
		this.runner
			.withBean(DriverManagerDataSource.class,
					() -> new DriverManagerDataSource("jdbc:h2:mem:store-configurations;DB_CLOSE_DELAY=-1", "sa", ""))
			.withPropertyValues(STORE + "jdbc", INITIALIZE_SCHEMA)
			.run(storeIs(JdbcNotificationDeduplicationStore.class));
	}

	@Test
	void jdbcWithTheApplicationsJdbcTemplateOnly() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:store-configurations-template;DB_CLOSE_DELAY=-1", "sa", "");
		this.runner.withBean(JdbcTemplate.class, () -> new JdbcTemplate(dataSource))
			.withPropertyValues(STORE + "jdbc", INITIALIZE_SCHEMA)
			.run(storeIs(JdbcNotificationDeduplicationStore.class));
	}

	@Test
	void jdbcWithoutADataSourceFailsNamingTheFix() {
		this.runner.withPropertyValues(STORE + "jdbc").run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).contains("wechatpay.complaint.notification.deduplication.store")
				.contains("the store is JDBC but the application has no (single) DataSource");
			assertThat(analysis.getAction()).contains("spring.datasource.url");
		});
	}

	@Test
	void jdbcWithoutSpringJdbcFailsNamingTheLibrary() {
		this.runner.withClassLoader(new FilteredClassLoader(JdbcTemplate.class))
			.withPropertyValues(STORE + "jdbc")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("the store is JDBC but spring-jdbc (org.springframework.boot:spring-boot-starter-jdbc, "
						+ "plus a JDBC driver) is not on the classpath"));
	}

	@Test
	void redisWithAConnectionFactory() {
		// Nothing needs to answer: a Redis that is down at startup is logged, not fatal.
		this.runner.withBean(RedisConnectionFactory.class, NotificationDeduplicationStoreConfigurationsTests::redis)
			.withPropertyValues(STORE + "redis",
					"wechatpay.complaint.notification.deduplication.operation-timeout=500ms")
			.run(storeIs(RedisNotificationDeduplicationStore.class));
	}

	@Test
	void redisWithoutAConnectionFactoryFailsNamingTheFix() {
		this.runner.withPropertyValues(STORE + "redis").run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription())
				.contains("the store is REDIS but the application has no (single) RedisConnectionFactory");
			assertThat(analysis.getAction()).contains("spring-boot-starter-data-redis");
		});
	}

	@Test
	void redisWithoutSpringDataRedisFailsNamingTheLibrary() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues(STORE + "redis")
			.run((context) -> assertThat(analysis(context).getDescription()).contains(
					"the store is REDIS but Spring Data Redis (org.springframework.boot:spring-boot-starter-data-redis) "
							+ "is not on the classpath"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "jdbc", "redis" })
	void backsOffFromTheApplicationsStore(String store) {
		this.withUserStore.withPropertyValues(STORE + store).run(userStoreKept());
	}

	@Test
	void backsOffFromTheApplicationsStoreEvenWithoutTheChosenLibrary() {
		this.withUserStore.withClassLoader(new FilteredClassLoader(JdbcTemplate.class))
			.withPropertyValues(STORE + "jdbc")
			.run(userStoreKept());
	}

	private static ContextConsumer<AssertableApplicationContext> storeIs(Class<?> type) {
		return (context) -> assertThat(context).hasNotFailed()
			.getBean(NotificationDeduplicationStore.class)
			.isInstanceOf(type);
	}

	private static ContextConsumer<AssertableApplicationContext> userStoreKept() {
		return (context) -> assertThat(context).hasNotFailed()
			.getBean(NotificationDeduplicationStore.class)
			.isSameAs(context.getBean("userStore"));
	}

	private static LettuceConnectionFactory redis() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", 6379));
		factory.afterPropertiesSet();
		return factory;
	}

	private static FailureAnalysis analysis(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidComplaintPropertyException.class);
		FailureAnalysis analysis = new InvalidComplaintPropertyFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	@Import(NotificationDeduplicationStoreConfigurations.class)
	static class StoreConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class UserStoreConfiguration {

		@Bean
		NotificationDeduplicationStore userStore() {
			return new CaffeineNotificationDeduplicationStore(10, Duration.ofDays(1));
		}

	}

}
