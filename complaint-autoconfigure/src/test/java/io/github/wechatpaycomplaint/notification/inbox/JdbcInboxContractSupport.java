package io.github.wechatpaycomplaint.notification.inbox;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.wechatpaycomplaint.notification.inbox.InboxNotifications.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
		try (Connection otherClaimer = claimUncommitted("state-change")) {
			inbox.record(notification("create", "c-1", 0));
			assertThat(inbox.claimDue(10, LEASE)).isEmpty();
			otherClaimer.commit();
		}
		assertThat(inbox.claimDue(10, LEASE)).isEmpty();
	}

	@Test
	void anEarlierEntryIsNotHandedOutBesideAClaimCommittedWhileItsComplaintIsChecked() throws SQLException {
		NotificationInbox recorder = inbox();
		recorder.record(notification("state-change", "c-1", 10));
		// Committed after this claim read the due entries, before it checks the rest of
		// their complaint.
		try (Connection otherClaimer = claimUncommitted("state-change")) {
			recorder.record(notification("create", "c-1", 0));
			DataSource committingFirst = BeforeStatement.of(dataSource(),
					(sql) -> sql.contains("seq <> ?") && sql.contains("FOR UPDATE") && !sql.contains("LIMIT"), () -> {
						try {
							otherClaimer.commit();
						}
						catch (SQLException ex) {
							throw new IllegalStateException(ex);
						}
					});
			NotificationInbox inbox = JdbcNotificationInbox.onInstanceClock(new JdbcTemplate(committingFirst),
					this.table, this.clock, Duration.ofSeconds(2));
			assertThat(inbox.claimDue(10, LEASE)).isEmpty();
		}
	}

	/** Another instance's claim of an entry, in a transaction not yet committed. */
	private Connection claimUncommitted(String notificationId) throws SQLException {
		Connection otherClaimer = dataSource().getConnection();
		otherClaimer.setAutoCommit(false);
		otherClaimer.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
		try (Statement statement = otherClaimer.createStatement()) {
			statement.executeUpdate("UPDATE " + this.table + " SET claim_token = 'other', lease_until = "
					+ this.clock.instant().plus(LEASE).toEpochMilli() + " WHERE merchant_name = 'default'"
					+ " AND notification_id = '" + notificationId + "'");
		}
		return otherClaimer;
	}

	@Test
	void instancesWithSkewedClocksHonourEachOthersLeasesAndDueTimesOnTheDatabaseClock() {
		// One instance an hour behind, one an hour ahead; only the database's clock
		// counts.
		NotificationInbox behind = databaseClockInbox(Duration.ofHours(-1));
		NotificationInbox ahead = databaseClockInbox(Duration.ofHours(1));
		Duration lease = Duration.ofSeconds(30);
		assertThat(ahead.record(notification("n-1", "c-1", 0))).isTrue();
		InboxEntry claimed = single(behind.claimDue(10, lease));
		assertThat(ahead.claimDue(10, lease)).isEmpty();
		assertThat(behind.renewLease(claimed, lease)).isTrue();
		assertThat(ahead.claimDue(10, lease)).isEmpty();
		// A retry in 1.5 s on the instance's clock is due in 1.5 s on the database's.
		assertThat(behind.retryLater(claimed, Instant.now().minus(Duration.ofHours(1)).plusMillis(1500), "x")).isTrue();
		assertThat(ahead.claimDue(10, lease)).isEmpty();
		InboxEntry retried = await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> ahead.claimDue(10, Duration.ofMillis(300)), (entries) -> !entries.isEmpty())
			.get(0);
		assertThat(retried.attempts()).isEqualTo(2);
		// A short lease runs out on the database's clock, whatever the claimer's says.
		InboxEntry taken = await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> behind.claimDue(10, lease), (entries) -> !entries.isEmpty())
			.get(0);
		assertThat(ahead.markDone(retried)).isFalse();
		assertThat(behind.markDone(taken)).isTrue();
	}

	@Test
	void theTableHoldsNoResourceFieldBeyondTheEvents() {
		NotificationInbox inbox = inbox();
		inbox.record(NotificationInboxContractTests.withResource(notification("n-1", "c-1", 0),
				"{\"complaint_id\":\"c-1\",\"action_type\":\"USER_RESPONSE\",\"payer_phone\":\"13800138000\"}"));
		assertThat(this.jdbc.queryForObject("SELECT resource_json FROM " + this.table, String.class))
			.isEqualTo("{\"complaint_id\":\"c-1\",\"action_type\":\"USER_RESPONSE\"}");
	}

	@Test
	void theTestDatabasesReportNoStatementBasedReplication() {
		// H2 and PostgreSQL have no binlog; the MariaDB server runs MIXED, its default.
		JdbcNotificationInbox inbox = new JdbcNotificationInbox(this.jdbc, this.table, this.clock,
				Duration.ofSeconds(5));
		assertThat(inbox.logsStatementsForReplication()).isFalse();
	}

	private NotificationInbox databaseClockInbox(Duration skew) {
		return new JdbcNotificationInbox(this.jdbc, this.table, Clock.offset(Clock.systemUTC(), skew),
				Duration.ofSeconds(5));
	}

	private static InboxEntry single(List<InboxEntry> entries) {
		assertThat(entries).hasSize(1);
		return entries.get(0);
	}

	@Test
	void purgingDeletesBatchAfterBatchUntilNoOldDoneEntryIsLeft() {
		NotificationInbox inbox = inbox();
		int old = 2 * JdbcNotificationInbox.PURGE_BATCH + 7;
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < old + 3; i++) {
			String status = (i < old) ? "DONE" : "PENDING";
			rows.add(new Object[] { "n-" + i, "c-" + i, status });
		}
		this.jdbc.batchUpdate("INSERT INTO " + this.table
				+ " (merchant_name, notification_id, merchant_id, complaint_id, event_type, create_time, create_time_ms,"
				+ " summary, action_type, resource_json, status, attempts, recorded_at, attempts_since,"
				+ " next_attempt_at, lease_until) VALUES ('default', ?, '1900000001', ?, 'COMPLAINT.STATE_CHANGE',"
				+ " '2025-06-13T09:02:41+08:00', 0, '', '', '{}', ?, 1, 0, 0, 0, 0)", rows);
		assertThat(inbox.purgeDone(Instant.ofEpochMilli(1))).isEqualTo(old);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM " + this.table, Integer.class)).isEqualTo(3);
	}

	@Test
	void anIndexLeadsWithStatusAndRecordedAtForThePurge() throws SQLException {
		Map<String, List<String>> indexes = new HashMap<>();
		try (Connection connection = dataSource().getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			for (String name : List.of(this.table, this.table.toUpperCase(Locale.ROOT))) {
				try (ResultSet index = metaData.getIndexInfo(connection.getCatalog(), null, name, false, false)) {
					while (index.next()) {
						String column = index.getString("COLUMN_NAME");
						if (column != null) {
							indexes.computeIfAbsent(index.getString("INDEX_NAME"), (key) -> new ArrayList<>())
								.add(index.getShort("ORDINAL_POSITION") + ":" + column.toLowerCase(Locale.ROOT));
						}
					}
				}
			}
		}
		assertThat(indexes.values()).anySatisfy((columns) -> assertThat(columns).contains("1:status", "2:recorded_at"));
	}

	@Override
	protected NotificationInbox inbox() {
		return JdbcNotificationInbox.onInstanceClock(this.jdbc, this.table, this.clock, Duration.ofSeconds(2));
	}

}
