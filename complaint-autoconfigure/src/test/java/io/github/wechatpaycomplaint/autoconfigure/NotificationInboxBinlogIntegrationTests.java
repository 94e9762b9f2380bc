package io.github.wechatpaycomplaint.autoconfigure;

import java.util.Locale;
import java.util.UUID;

import io.github.wechatpaycomplaint.notification.inbox.JdbcNotificationInbox;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.github.wechatpaycomplaint.testsupport.Services;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup warning of the JDBC inbox on MariaDB when the session's binlog format is
 * {@code STATEMENT}, and none with the server's default.
 */
@Tag("services")
@ExtendWith(OutputCaptureExtension.class)
class NotificationInboxBinlogIntegrationTests {

	private static final String WARNING = "The database logs the inbox's statements with binlog_format=STATEMENT";

	@Test
	void statementBasedBinlogIsWarnedAboutAtStartup(CapturedOutput output) {
		assertThat(startWithBinlogFormat("STATEMENT", output)).contains(WARNING).contains("binlog_format=ROW");
	}

	@Test
	void theServersDefaultBinlogFormatIsNot(CapturedOutput output) {
		assertThat(startWithBinlogFormat("MIXED", output)).doesNotContain(WARNING);
	}

	private String startWithBinlogFormat(String binlogFormat, CapturedOutput output) {
		String table = "wpc_inbox_binlog_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
		// One connection, so that the session setting is the inbox's.
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(Services.MARIADB_URL, "root", "", true);
		try {
			new JdbcTemplate(dataSource).execute("SET SESSION binlog_format = '" + binlogFormat + "'");
			NotificationContexts.webRunner()
				.withBean(SingleConnectionDataSource.class, () -> dataSource)
				.withPropertyValues("wechatpay.complaint.notification.processing=durable",
						"wechatpay.complaint.notification.inbox.store=jdbc",
						"wechatpay.complaint.notification.inbox.jdbc.initialize-schema=true",
						"wechatpay.complaint.notification.inbox.jdbc.table-name=" + table)
				.run((context) -> assertThat(context).getBean(NotificationInbox.class)
					.isInstanceOf(JdbcNotificationInbox.class));
			return output.getAll();
		}
		finally {
			// The context closed its connection.
			new JdbcTemplate(Services.mariadb()).execute("DROP TABLE IF EXISTS " + table);
		}
	}

}
