package io.github.wechatpaycomplaint.autoconfigure;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.store.JdbcNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.github.wechatpaycomplaint.testsupport.Services;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup check of the JDBC de-duplication table on the PostgreSQL server on
 * 127.0.0.1.
 */
@Tag("services")
class JdbcDeduplicationTableCheckIntegrationTests {

	@Test
	void aMissingTableOnPostgresqlStopsStartupNamingInitializeSchema() {
		NotificationContexts.webRunner()
			.withBean(DataSource.class, Services::postgresql)
			.withPropertyValues("wechatpay.complaint.notification.deduplication.store=jdbc",
					"wechatpay.complaint.notification.deduplication.jdbc.table-name=wpc_never_created")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new InvalidComplaintPropertyFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription())
					.contains("wechatpay.complaint.notification.deduplication.jdbc.initialize-schema")
					.contains("'wpc_never_created' does not exist");
				assertThat(analysis.getAction()).contains("schema-postgresql.sql");
			});
	}

	@Test
	void aTableCreatedOnRequestOnPostgresqlStarts() {
		NotificationContexts.webRunner()
			.withBean(DataSource.class, Services::postgresql)
			.withPropertyValues("wechatpay.complaint.notification.deduplication.store=jdbc",
					"wechatpay.complaint.notification.deduplication.jdbc.table-name=wpc_table_check",
					"wechatpay.complaint.notification.deduplication.jdbc.initialize-schema=true")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.getBean(NotificationDeduplicationStore.class)
					.isInstanceOf(JdbcNotificationDeduplicationStore.class);
				new JdbcTemplate(context.getBean(DataSource.class)).execute("DROP TABLE wpc_table_check");
			});
	}

}
