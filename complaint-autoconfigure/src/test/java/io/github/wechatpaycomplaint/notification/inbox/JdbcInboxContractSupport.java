package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox contract against one database, in a table of its own for each test, created
 * with the shipped script (twice: applying it again is harmless).
 */
abstract class JdbcInboxContractSupport extends NotificationInboxContractTests {

	protected JdbcTemplate jdbc;

	protected String table;

	protected abstract DataSource dataSource();

	@BeforeEach
	void createTable() {
		this.jdbc = new JdbcTemplate(dataSource());
		this.table = "wpc_inbox_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
		JdbcNotificationInbox.initializeSchema(this.jdbc, this.table);
		JdbcNotificationInbox.initializeSchema(this.jdbc, this.table);
	}

	@AfterEach
	void dropTable() {
		this.jdbc.execute("DROP TABLE " + this.table);
	}

	@Override
	protected NotificationInbox inbox() {
		return new JdbcNotificationInbox(this.jdbc, this.table, this.clock, Duration.ofSeconds(2));
	}

}
