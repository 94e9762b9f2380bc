package io.github.wechatpaycomplaint.notification.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.wechatpaycomplaint.notification.inbox.InboxNotifications.notification;
import static org.assertj.core.api.Assertions.assertThat;

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

	@Test
	void anEarlierEntryRecordedDuringAnotherClaimIsNotHandedOutBesideIt() throws SQLException {
		NotificationInbox inbox = inbox();
		inbox.record(notification("state-change", "c-1", 10));
		try (Connection otherClaimer = dataSource().getConnection()) {
			// Another instance's claim of the later entry, not yet committed.
			otherClaimer.setAutoCommit(false);
			otherClaimer.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			try (Statement statement = otherClaimer.createStatement()) {
				statement.executeUpdate("UPDATE " + this.table + " SET claim_token = 'other', lease_until = "
						+ this.clock.instant().plus(LEASE).toEpochMilli()
						+ " WHERE merchant_name = 'default' AND notification_id = 'state-change'");
			}
			inbox.record(notification("create", "c-1", 0));
			assertThat(inbox.claimDue(10, LEASE)).isEmpty();
			otherClaimer.commit();
		}
		assertThat(inbox.claimDue(10, LEASE)).isEmpty();
	}

	@Override
	protected NotificationInbox inbox() {
		return new JdbcNotificationInbox(this.jdbc, this.table, this.clock, Duration.ofSeconds(2));
	}

}
