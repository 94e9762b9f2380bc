package io.github.wechatpaycomplaint.notification.inbox;

import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.testsupport.Services;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC inbox on the MariaDB server on 127.0.0.1, and the report of statement-based
 * replication.
 */
@Tag("services")
class MariadbJdbcNotificationInboxIntegrationTests extends JdbcInboxServerContractSupport {

	@Override
	protected DataSource dataSource() {
		return Services.mariadb();
	}

	@Test
	void aSessionWithStatementBasedBinlogIsReported() throws SQLException {
		SingleConnectionDataSource statementBased = new SingleConnectionDataSource(Services.MARIADB_URL, "root", "",
				true);
		try {
			JdbcTemplate jdbc = new JdbcTemplate(statementBased);
			JdbcNotificationInbox inbox = new JdbcNotificationInbox(jdbc, this.table, this.clock,
					Duration.ofSeconds(5));
			jdbc.execute("SET SESSION binlog_format = 'ROW'");
			assertThat(inbox.logsStatementsForReplication()).isFalse();
			jdbc.execute("SET SESSION binlog_format = 'STATEMENT'");
			assertThat(inbox.logsStatementsForReplication()).isTrue();
		}
		finally {
			statementBased.destroy();
		}
	}

}
