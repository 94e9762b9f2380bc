package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.deadline.ComplaintFact;
import io.github.wechatpaycomplaint.deadline.ComplaintLedger;
import io.github.wechatpaycomplaint.deadline.ComplaintRef;
import io.github.wechatpaycomplaint.deadline.DeadlineRules;
import io.github.wechatpaycomplaint.deadline.MemoryComplaintLedger;
import io.github.wechatpaycomplaint.deadline.store.JdbcComplaintLedger;
import io.github.wechatpaycomplaint.testsupport.HangingDataSource;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.util.ReflectionTestUtils;

import static io.github.wechatpaycomplaint.autoconfigure.StartupFailureAssertions.assertInvalidProperty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC complaint ledger as the deadlines' auto-configuration builds it: chosen by
 * {@code deadlines.store} or inherited from the de-duplication store, on the
 * application's DataSource, its table created on request, realigned with the rules at
 * startup, and the startup failures that name the property to fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class JdbcComplaintLedgerConfigurationTests {

	private static final String PREFIX = "wechatpay.complaint.deadlines.";

	private static final String DEDUPLICATION_STORE = "wechatpay.complaint.notification.deduplication.store";

	private static final Instant FILED = Instant.parse("2026-12-01T00:00:00Z");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ComplaintDeadlineAutoConfiguration.class))
		.withPropertyValues(PREFIX + "enabled=true", PREFIX + "check-interval=1h");

	private final DataSource h2 = new DriverManagerDataSource(
			"jdbc:h2:mem:ledger-configuration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

	@Test
	void chosenByTheDeadlinesStoreWithItsTableCreatedOnRequest() {
		this.contextRunner.withBean(DataSource.class, () -> this.h2)
			.withPropertyValues(PREFIX + "store=jdbc", PREFIX + "jdbc.initialize-schema=true",
					PREFIX + "jdbc.table-name=my_ledger", PREFIX + "operation-timeout=3s")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(JdbcComplaintLedger.class);
				ComplaintLedger ledger = context.getBean(ComplaintLedger.class);
				assertThat(ledger.isShared()).isTrue();
				assertThat(ledger).hasToString("JdbcComplaintLedger[table=my_ledger, operationTimeout=PT3S]");
				ledger.record(new ComplaintRef("default", "1900000001", "200001"), new ComplaintFact.Filed(FILED));
				assertThat(new JdbcTemplate(this.h2).queryForObject("SELECT COUNT(*) FROM my_ledger", Integer.class))
					.isOne();
			});
	}

	@Test
	void inheritedFromTheDeduplicationStoreAndUsingTheApplicationsJdbcTemplate() {
		JdbcTemplate applications = new JdbcTemplate(this.h2);
		this.contextRunner.withBean(JdbcTemplate.class, () -> applications)
			.withPropertyValues(DEDUPLICATION_STORE + "=jdbc", PREFIX + "jdbc.initialize-schema=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(JdbcComplaintLedger.class);
				assertThat(
						applications.queryForObject("SELECT COUNT(*) FROM wechatpay_complaint_ledger", Integer.class))
					.isZero();
			});
	}

	@Test
	void theDeadlinesOwnStoreWinsOverTheDeduplicationStore() {
		this.contextRunner.withPropertyValues(DEDUPLICATION_STORE + "=jdbc", PREFIX + "store=memory")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(MemoryComplaintLedger.class));
	}

	@Test
	void withoutSpringJdbcStartupFailsNamingThePropertyThatChoseJdbc() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(JdbcTemplate.class))
			.withPropertyValues(PREFIX + "store=jdbc")
			.run((context) -> assertThat(assertInvalidProperty(context, PREFIX + "store").getProblem())
				.contains("spring-jdbc is not on the classpath"));
		this.contextRunner.withClassLoader(new FilteredClassLoader(JdbcTemplate.class))
			.withPropertyValues(DEDUPLICATION_STORE + "=jdbc")
			.run((context) -> assertInvalidProperty(context, DEDUPLICATION_STORE));
	}

	@Test
	void withoutADataSourceStartupFailsNamingThePropertyAndTheMemoryLedger() {
		this.contextRunner.withPropertyValues(PREFIX + "store=jdbc").run((context) -> {
			InvalidComplaintPropertyException invalid = assertInvalidProperty(context, PREFIX + "store");
			assertThat(invalid.getProblem())
				.isEqualTo("the complaint ledger is JDBC but the application has no (single) DataSource");
			assertThat(invalid.getAction()).contains("set wechatpay.complaint.deadlines.store=memory");
		});
		this.contextRunner.withPropertyValues(DEDUPLICATION_STORE + "=jdbc")
			.run((context) -> assertInvalidProperty(context, DEDUPLICATION_STORE));
	}

	@Test
	void aMissingTableFailsStartupNamingInitializeSchemaAndTheScripts() {
		this.contextRunner.withBean(DataSource.class, () -> this.h2)
			.withPropertyValues(PREFIX + "store=jdbc")
			.run((context) -> {
				InvalidComplaintPropertyException invalid = assertInvalidProperty(context,
						PREFIX + "jdbc.initialize-schema");
				assertThat(invalid.getProblem())
					.startsWith("the complaint ledger table 'wechatpay_complaint_ledger' does not exist");
				assertThat(invalid.getAction()).contains(PREFIX + "jdbc.initialize-schema=true",
						"classpath:io/github/wechatpaycomplaint/deadline/store/schema-postgresql.sql",
						"schema-mysql.sql (MySQL, MariaDB)", "schema-h2.sql");
			});
	}

	@Test
	void complaintsWrittenUnderOtherRulesAreRealignedAtStartup(CapturedOutput output) {
		JdbcTemplate jdbc = new JdbcTemplate(this.h2);
		JdbcComplaintLedger.initializeSchema(jdbc, "wechatpay_complaint_ledger");
		MutableClock clock = new MutableClock(FILED);
		new JdbcComplaintLedger(jdbc, "wechatpay_complaint_ledger", DeadlineRules.WECHAT_PAY, clock,
				Duration.ofSeconds(2))
			.record(new ComplaintRef("default", "1900000001", "200001"), new ComplaintFact.Filed(FILED));
		// The startup scan runs at the filing time: nothing due yet.
		this.contextRunner.withBean(DataSource.class, () -> this.h2)
			.withBean(Clock.class, () -> clock)
			.withPropertyValues(PREFIX + "store=jdbc", PREFIX + "first-reply-warning=6h")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(jdbc.queryForObject("SELECT next_check_at FROM wechatpay_complaint_ledger", Long.class))
					.isEqualTo(FILED.plus(Duration.ofHours(18)).toEpochMilli());
			});
		assertThat(output).contains("Computed the next deadline check again for 1 open complaints");
	}

	@Test
	void aDatabaseThatDoesNotAnswerAtStartupIsOnlyWarnedOf(CapturedOutput output) {
		HangingDataSource hanging = new HangingDataSource();
		this.contextRunner.withBean(DataSource.class, hanging::dataSource)
			.withPropertyValues(PREFIX + "store=jdbc", PREFIX + "operation-timeout=300ms")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(JdbcComplaintLedger.class);
				assertThat(ReflectionTestUtils.getField(context.getBean(JdbcComplaintLedger.class), "table"))
					.isEqualTo("wechatpay_complaint_ledger");
			});
		assertThat(output).contains("The complaint ledger table 'wechatpay_complaint_ledger' could not be checked");
	}

	@Test
	void anApplicationsLedgerIsKeptWhateverTheStore() {
		ComplaintLedger own = new MemoryComplaintLedger(DeadlineRules.WECHAT_PAY, Clock.systemUTC());
		this.contextRunner.withPropertyValues(PREFIX + "store=jdbc")
			.withBean("ownLedger", ComplaintLedger.class, () -> own)
			.run((context) -> assertThat(context).hasNotFailed().getBean(ComplaintLedger.class).isSameAs(own));
	}

}
