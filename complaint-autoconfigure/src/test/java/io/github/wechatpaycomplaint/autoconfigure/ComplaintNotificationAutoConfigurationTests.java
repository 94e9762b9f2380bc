package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.notification.ComplaintNotificationEndpoint;
import io.github.wechatpaycomplaint.notification.ComplaintNotificationHandler;
import io.github.wechatpaycomplaint.notification.NotificationClaim;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.store.CaffeineNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.store.JdbcDeduplicationSchema;
import io.github.wechatpaycomplaint.notification.store.JdbcNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.store.RedisNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.observability.DeduplicationStoreHealthIndicator;
import io.github.wechatpaycomplaint.testsupport.HangingDataSource;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions and choices of {@link ComplaintNotificationAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ComplaintNotificationAutoConfigurationTests {

	private final WebApplicationContextRunner runner = NotificationContexts.webRunner();

	@Test
	void registersTheEndpointWithTheMemoryStoreByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ComplaintNotificationEndpoint.class)
				.hasSingleBean(ComplaintNotificationHandler.class)
				.hasBean(ComplaintNotificationAutoConfiguration.ROUTER_BEAN_NAME);
			assertThat(context).getBean(NotificationDeduplicationStore.class)
				.isInstanceOf(CaffeineNotificationDeduplicationStore.class);
		});
	}

	@Test
	void noEndpointOutsideAWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ComplaintClientAutoConfiguration.class,
					ComplaintNotificationAutoConfiguration.class))
			.withPropertyValues(Vectors.merchantProperties())
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ComplaintNotificationHandler.class)
				.doesNotHaveBean(ComplaintNotificationAutoConfiguration.ROUTER_BEAN_NAME));
	}

	@Test
	void noEndpointWhenDisabled() {
		this.runner.withPropertyValues("wechatpay.complaint.notification.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ComplaintNotificationHandler.class)
				.doesNotHaveBean(NotificationDeduplicationStore.class));
	}

	@Test
	void noEndpointWhenTheStarterIsDisabled() {
		this.runner.withPropertyValues("wechatpay.complaint.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ComplaintNotificationHandler.class));
	}

	@Test
	void noRouteWithoutSpringMvc() {
		this.runner.withClassLoader(new FilteredClassLoader(RouterFunction.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ComplaintNotificationEndpoint.class)
				.doesNotHaveBean(ComplaintNotificationAutoConfiguration.ROUTER_BEAN_NAME)
				.doesNotHaveBean(NotificationPathCollisionCheck.class));
	}

	@Test
	void jdbcStoreUsesTheApplicationDataSourceAndCreatesTheTableOnRequest() {
		this.runner
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig-jdbc;DB_CLOSE_DELAY=-1",
					"wechatpay.complaint.notification.deduplication.store=jdbc",
					"wechatpay.complaint.notification.deduplication.jdbc.table-name=wpc_autoconfig",
					"wechatpay.complaint.notification.deduplication.jdbc.initialize-schema=true")
			.run((context) -> {
				NotificationDeduplicationStore store = context.getBean(NotificationDeduplicationStore.class);
				assertThat(store).isInstanceOf(JdbcNotificationDeduplicationStore.class);
				NotificationClaim claim = store.claim("autoconfig-1", Duration.ofMinutes(1));
				assertThat(claim.status()).isEqualTo(NotificationClaim.Status.CLAIMED);
				assertThat(context.getBean(JdbcTemplate.class)
					.queryForObject("SELECT COUNT(*) FROM wpc_autoconfig", Integer.class)).isEqualTo(1);
			});
	}

	@Test
	void jdbcStoreWithAMissingTableStopsStartupNamingInitializeSchemaAndTheScripts() {
		this.runner
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig-missing-table;DB_CLOSE_DELAY=-1",
					"wechatpay.complaint.notification.deduplication.store=jdbc",
					"wechatpay.complaint.notification.deduplication.jdbc.table-name=wpc_missing")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription())
					.contains("'wechatpay.complaint.notification.deduplication.jdbc.initialize-schema' is invalid")
					.contains("the de-duplication table 'wpc_missing' does not exist");
				assertThat(analysis.getAction())
					.contains("wechatpay.complaint.notification.deduplication.jdbc.initialize-schema=true")
					.contains("classpath:io/github/wechatpaycomplaint/notification/store/schema-postgresql.sql")
					.contains("classpath:io/github/wechatpaycomplaint/notification/store/schema-mysql.sql")
					.contains("classpath:io/github/wechatpaycomplaint/notification/store/schema-h2.sql")
					.contains("'wpc_missing'");
			});
	}

	@Test
	void jdbcStoreWithAnExistingTableStartsWithoutInitializingTheSchema() {
		String url = "jdbc:h2:mem:autoconfig-existing-table;DB_CLOSE_DELAY=-1";
		JdbcDeduplicationSchema.initialize(new JdbcTemplate(new DriverManagerDataSource(url, "sa", "")),
				"wpc_existing");
		this.runner
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + url,
					"wechatpay.complaint.notification.deduplication.store=jdbc",
					"wechatpay.complaint.notification.deduplication.jdbc.table-name=wpc_existing")
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(NotificationDeduplicationStore.class)
				.isInstanceOf(JdbcNotificationDeduplicationStore.class));
	}

	@Test
	void jdbcStoreWithAnUnreachableDatabaseStartsAndIsReportedDown(CapturedOutput output) {
		HangingDataSource database = new HangingDataSource();
		this.runner.withBean(DataSource.class, database::dataSource)
			.withPropertyValues("wechatpay.complaint.notification.deduplication.store=jdbc",
					"wechatpay.complaint.notification.deduplication.operation-timeout=500ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Health health = new DeduplicationStoreHealthIndicator(
						context.getBean(NotificationDeduplicationStore.class))
					.health(true);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("store", "jdbc");
				assertThat(health.getDetails().get("error").toString()).contains("did not answer within 500 ms");
			});
		assertThat(output).contains("could not be checked at startup");
	}

	@Test
	void jdbcStoreWithoutADataSourceFailsWithAnExplanation() {
		this.runner.withPropertyValues("wechatpay.complaint.notification.deduplication.store=jdbc")
			.run((context) -> assertThat(analyze(context)).satisfies((analysis) -> {
				assertThat(analysis.getDescription()).contains("wechatpay.complaint.notification.deduplication.store")
					.contains("no (single) DataSource");
				assertThat(analysis.getAction()).contains("spring.datasource.url");
			}));
	}

	@Test
	void jdbcStoreWithoutSpringJdbcFailsWithAnExplanation() {
		this.runner.withClassLoader(new FilteredClassLoader(JdbcTemplate.class))
			.withPropertyValues("wechatpay.complaint.notification.deduplication.store=jdbc")
			.run((context) -> assertThat(analyze(context).getDescription()).contains("spring-jdbc")
				.contains("not on the classpath"));
	}

	@Test
	void redisStoreUsesTheApplicationConnectionFactory() {
		this.runner
			.withBean(LettuceConnectionFactory.class,
					() -> new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379)))
			.withPropertyValues("wechatpay.complaint.notification.deduplication.store=redis")
			.run((context) -> assertThat(context).getBean(NotificationDeduplicationStore.class)
				.isInstanceOf(RedisNotificationDeduplicationStore.class));
	}

	@Test
	void redisStoreWithoutAConnectionFactoryFailsWithAnExplanation() {
		this.runner.withPropertyValues("wechatpay.complaint.notification.deduplication.store=redis")
			.run((context) -> assertThat(analyze(context)).satisfies((analysis) -> {
				assertThat(analysis.getDescription()).contains("no (single) RedisConnectionFactory");
				assertThat(analysis.getAction()).contains("spring-boot-starter-data-redis");
			}));
	}

	@Test
	void redisStoreWithoutSpringDataRedisFailsWithAnExplanation() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("wechatpay.complaint.notification.deduplication.store=redis")
			.run((context) -> assertThat(analyze(context).getDescription()).contains("Spring Data Redis")
				.contains("not on the classpath"));
	}

	@Test
	void memoryStoreWithoutCaffeineFailsWithAnExplanation() {
		this.runner.withClassLoader(new FilteredClassLoader("com.github.benmanes.caffeine"))
			.run((context) -> assertThat(analyze(context).getDescription()).contains("Caffeine"));
	}

	@Test
	void invalidTableNameIsRefusedAtStartup() {
		this.runner.withPropertyValues("wechatpay.complaint.notification.deduplication.jdbc.table-name=x; DROP")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasRootCauseInstanceOf(BindValidationException.class)
				.hasStackTraceContaining("plain SQL identifier"));
	}

	@Test
	void backsOffFromAUserStore() {
		this.runner.withUserConfiguration(UserStoreConfiguration.class)
			.withPropertyValues("wechatpay.complaint.notification.deduplication.store=redis")
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(NotificationDeduplicationStore.class)
				.isSameAs(context.getBean("userStore")));
	}

	@Test
	void backsOffFromAUserRouterWithTheSameName() {
		this.runner.withUserConfiguration(UserRouterConfiguration.class)
			.run((context) -> assertThat(context.getBean(ComplaintNotificationAutoConfiguration.ROUTER_BEAN_NAME))
				.isSameAs(context.getBean(UserRouterConfiguration.class).router));
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		return analyzeFailure(context.getStartupFailure());
	}

	private static FailureAnalysis analyze(
			org.springframework.boot.test.context.assertj.AssertableWebApplicationContext context) {
		return analyzeFailure(context.getStartupFailure());
	}

	private static FailureAnalysis analyzeFailure(Throwable failure) {
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = new InvalidComplaintPropertyFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserStoreConfiguration {

		@Bean
		NotificationDeduplicationStore userStore() {
			return new CaffeineNotificationDeduplicationStore(10, Duration.ofDays(1));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRouterConfiguration {

		final RouterFunction<ServerResponse> router = RouterFunctions.route()
			.POST("/my-notifications", (request) -> ServerResponse.noContent().build())
			.build();

		@Bean(ComplaintNotificationAutoConfiguration.ROUTER_BEAN_NAME)
		RouterFunction<ServerResponse> complaintNotificationRouter() {
			return this.router;
		}

	}

}
