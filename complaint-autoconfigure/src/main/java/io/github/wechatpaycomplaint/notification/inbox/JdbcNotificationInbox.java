package io.github.wechatpaycomplaint.notification.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;
import io.github.wechatpaycomplaint.notification.store.JdbcDatabaseClock;
import io.github.wechatpaycomplaint.notification.store.JdbcDeduplicationSchema;
import io.github.wechatpaycomplaint.notification.store.StoreOperationDeadline;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the inbox in one database table (PostgreSQL, MySQL 8, MariaDB 10.6+, and H2 for
 * tests; scripts in this jar under {@value #SCRIPT_DIRECTORY}), shared by every instance.
 * Recording is an insert, and the unique key on (merchant name, notification id) makes
 * the first insert win. Claiming is one short transaction:
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} of the due entries that head their complaint,
 * then an update that sets the lease, so instances polling at the same time skip each
 * other's rows instead of waiting for them. An entry whose complaint has a row locked by
 * another claim under way is left for the next poll, so that two entries of one complaint
 * are never out at once.
 *
 * <p>
 * Recording, which the notification endpoint waits for, and what health checks, metrics
 * and operators wait for (the backlog, the parked entries, replays and discards) are
 * bounded by the operation timeout whatever the pool and driver do
 * ({@link StoreOperationDeadline}); the workers' statements carry it as a query timeout.
 *
 * <p>
 * Leases and due times are computed in the statements from the database's clock
 * ({@link JdbcDatabaseClock}), so that instances whose clocks disagree do not take each
 * other's claims or see a retry due early or late; a due time the worker computes on its
 * clock is passed on as a delay from now. Only on a database without a shipped script the
 * instance's clock is used. The recording time and the start of an entry's age are the
 * database's too; the purge and the maximum age compare them with the instance's clock,
 * which only matters for skews of the order of the retention or the maximum age.
 *
 * <p>
 * The resource is stored with the fields the events need only
 * ({@link StoredNotifications}).
 *
 * @since 0.1.0
 */
public final class JdbcNotificationInbox implements NotificationInbox {

	/** The classpath directory of the schema scripts. */
	public static final String SCRIPT_DIRECTORY = "io/github/wechatpaycomplaint/notification/inbox/";

	/** The most done entries one purge statement deletes. */
	static final int PURGE_BATCH = 1000;

	private static final String PENDING = InboxEntry.Status.PENDING.name();

	private static final String DONE = InboxEntry.Status.DONE.name();

	private static final String FAILED = InboxEntry.Status.FAILED.name();

	private static final String CREATE_TIME_MS = "create_time_ms";

	private static final String COLUMNS = "seq, merchant_name, notification_id, merchant_id, complaint_id, event_type, "
			+ "create_time, summary, action_type, resource_json, status, attempts, attempts_since, last_error, "
			+ "claim_token";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final TransactionTemplate claims;

	private final String table;

	private final Clock clock;

	private final StoreOperationDeadline deadline;

	private final RowMapper<InboxEntry> rows = this::entry;

	private final boolean instanceClockOnly;

	// The database's current time as SQL, found on first use; null on a database with
	// none known, which then uses the instance's clock.
	private volatile @Nullable String databaseNow;

	private volatile boolean databaseKnown;

	/**
	 * Creates an inbox on an existing table.
	 * @param jdbc the template; only its data source and exception translator are used
	 * @param tableName the table, a plain SQL identifier
	 * @param clock the instance's clock: due times the worker computes are measured from
	 * it, and on a database other than PostgreSQL, MySQL, MariaDB and H2 it is the clock
	 * of leases and due times
	 * @param operationTimeout the longest time the endpoint waits to record a
	 * notification, connection included
	 */
	public JdbcNotificationInbox(JdbcTemplate jdbc, String tableName, Clock clock, Duration operationTimeout) {
		this(jdbc, tableName, clock, operationTimeout, false);
	}

	private JdbcNotificationInbox(JdbcTemplate jdbc, String tableName, Clock clock, Duration operationTimeout,
			boolean instanceClockOnly) {
		Objects.requireNonNull(jdbc, "jdbc");
		this.instanceClockOnly = instanceClockOnly;
		this.table = JdbcDeduplicationSchema.checkTableName(tableName);
		this.clock = Objects.requireNonNull(clock, "clock");
		this.deadline = new StoreOperationDeadline("jdbc-inbox", "JDBC inbox", operationTimeout);
		this.jdbc = JdbcDeduplicationSchema.boundedTemplate(jdbc, operationTimeout);
		this.transactions = JdbcDeduplicationSchema.transactions(this.jdbc);
		this.claims = JdbcDeduplicationSchema.transactions(this.jdbc);
		// No gap locks on MySQL and MariaDB, which would hold up concurrent recording.
		this.claims.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
	}

	/**
	 * Creates an inbox whose leases and due times come from the instance's clock on every
	 * database, for tests that move time on a clock of their own.
	 * @param jdbc the template
	 * @param tableName the table, a plain SQL identifier
	 * @param clock the clock of leases and due times
	 * @param operationTimeout the longest time the endpoint waits to record a
	 * notification
	 * @return the inbox
	 */
	static JdbcNotificationInbox onInstanceClock(JdbcTemplate jdbc, String tableName, Clock clock,
			Duration operationTimeout) {
		return new JdbcNotificationInbox(jdbc, tableName, clock, operationTimeout, true);
	}

	/**
	 * Creates the table from the script for the database unless it exists.
	 * @param jdbc the template
	 * @param tableName the table, a plain SQL identifier
	 */
	public static void initializeSchema(JdbcTemplate jdbc, String tableName) {
		JdbcDeduplicationSchema.initialize(jdbc, tableName, SCRIPT_DIRECTORY);
	}

	@Override
	public boolean record(ComplaintNotification notification) {
		// An insert that lands after the caller gave up is kept: WeChat Pay's next
		// delivery is then a duplicate, and the entry is published once all the same.
		return this.deadline.call(() -> insert(notification), null);
	}

	private boolean insert(ComplaintNotification received) {
		// The columns Redis keeps too, in one place, then the state of a new entry.
		Map<String, String> columns = StoredNotifications.columns(received);
		List<Object> values = new ArrayList<>(columns.size());
		columns.forEach((column, value) -> values
			.add(column.equals(CREATE_TIME_MS) ? (Object) Long.parseLong(value) : (Object) value));
		String now = now();
		try {
			committed(() -> this.jdbc.update("INSERT INTO " + this.table + " (" + String.join(", ", columns.keySet())
					+ ", status, attempts, recorded_at, attempts_since, next_attempt_at, lease_until) VALUES ("
					+ "?, ".repeat(columns.size()) + "'" + PENDING + "', 0, " + now + ", " + now + ", " + now + ", 0)",
					values.toArray()));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public List<InboxEntry> claimDue(int maxEntries, Duration lease) {
		String now = now();
		String due = "SELECT " + COLUMNS + " FROM " + this.table + " e WHERE e.status = '" + PENDING
				+ "' AND e.next_attempt_at <= " + now + " AND e.lease_until <= " + now
				+ " AND NOT EXISTS (SELECT 1 FROM " + this.table
				+ " p WHERE p.merchant_name = e.merchant_name AND p.complaint_id = e.complaint_id AND p.seq <> e.seq"
				+ " AND p.status <> '" + DONE + "' AND (p.lease_until > " + now
				+ " OR p.create_time_ms < e.create_time_ms"
				+ " OR (p.create_time_ms = e.create_time_ms AND p.seq < e.seq)))"
				+ " ORDER BY e.next_attempt_at, e.seq LIMIT ? FOR UPDATE SKIP LOCKED";
		List<InboxEntry> claimed = this.claims.execute((status) -> {
			List<InboxEntry> found = this.jdbc.query(due, this.rows, maxEntries);
			// Read once so that the rows and the entries handed out carry the same time.
			Instant firstClaimTime = found.stream().anyMatch((entry) -> entry.attempts() == 0)
					? Instant
						.ofEpochMilli(Objects.requireNonNull(this.jdbc.queryForObject("SELECT " + now, Long.class)))
					: Instant.EPOCH;
			List<InboxEntry> entries = new ArrayList<>(found.size());
			List<Object[]> updates = new ArrayList<>(found.size());
			for (InboxEntry entry : found) {
				if (anotherClaimerHoldsItsComplaint(entry, now)) {
					continue;
				}
				String token = newToken();
				// The maximum age counts from the first pass, not from the recording: an
				// entry held back behind others of its complaint has not been tried yet.
				Instant attemptsSince = (entry.attempts() == 0) ? firstClaimTime : entry.attemptsSince();
				entries.add(new InboxEntry(entry.notification(), entry.sequence(), entry.status(), entry.attempts() + 1,
						attemptsSince, entry.lastError(), token));
				updates.add(new Object[] { token, lease.toMillis(), firstClaimTime.toEpochMilli(), entry.sequence() });
			}
			if (!updates.isEmpty()) {
				this.jdbc.batchUpdate("UPDATE " + this.table + " SET claim_token = ?, lease_until = " + now
						+ " + ?, attempts_since = CASE WHEN attempts = 0 THEN ? ELSE attempts_since END,"
						+ " attempts = attempts + 1 WHERE seq = ?", updates);
			}
			return entries;
		});
		return Objects.requireNonNull(claimed);
	}

	/**
	 * Whether another claim holds an entry of the same complaint. A claim not yet
	 * committed is not visible to the query that found the due entries, so without this
	 * check an earlier entry recorded just now could be handed out beside the one it is
	 * claiming. The open entries of the complaint that can be locked are locked (until
	 * this claim commits) and counted against all of them: a difference is a row locked
	 * by another claimer. Then, after the lock, the leases are read again: a claim
	 * committed since the due entries were found holds a lease.
	 */
	private boolean anotherClaimerHoldsItsComplaint(InboxEntry entry, String now) {
		String others = " FROM " + this.table + " WHERE merchant_name = ? AND complaint_id = ? AND status <> '" + DONE
				+ "' AND seq <> ?";
		Object[] complaint = { entry.merchantName(), entry.notification().complaintId(), entry.sequence() };
		int lockable = this.jdbc.queryForList("SELECT seq" + others + " FOR UPDATE SKIP LOCKED", Long.class, complaint)
			.size();
		Map<String, Object> open = this.jdbc.queryForMap("SELECT COUNT(*) AS open_entries, SUM(CASE WHEN lease_until > "
				+ now + " THEN 1 ELSE 0 END) AS claimed_entries" + others, complaint);
		Number openEntries = (Number) open.get("open_entries");
		Number claimedEntries = (Number) open.get("claimed_entries");
		return openEntries == null || lockable != openEntries.intValue()
				|| (claimedEntries != null && claimedEntries.intValue() > 0);
	}

	private static String newToken() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new UUID(random.nextLong(), random.nextLong()).toString();
	}

	@Override
	public boolean markDone(InboxEntry claimed) {
		return updateClaimed("status = '" + DONE + "', last_error = NULL", claimed);
	}

	@Override
	public boolean retryLater(InboxEntry claimed, Instant nextAttemptAt, String lastError) {
		// The worker's delay, measured on the instance's clock, applied from the
		// database's now.
		long delay = Math.max(0, nextAttemptAt.toEpochMilli() - this.clock.millis());
		return updateClaimed("next_attempt_at = " + now() + " + ?, last_error = ?", claimed, delay, lastError);
	}

	@Override
	public boolean park(InboxEntry claimed, String lastError) {
		return updateClaimed("status = '" + FAILED + "', last_error = ?", claimed, lastError);
	}

	@Override
	public boolean release(InboxEntry claimed) {
		return updateClaimed("attempts = attempts - 1", claimed);
	}

	// Only while the claim is this worker's: every claim sets a new token, so a worker
	// whose lease ran out changes nothing once another claimed the entry, and its late
	// outcome still counts when nobody did (no second pass for nothing).
	private boolean updateClaimed(String assignments, InboxEntry claimed, Object... arguments) {
		Object[] all = new Object[arguments.length + 2];
		System.arraycopy(arguments, 0, all, 0, arguments.length);
		all[arguments.length] = claimed.sequence();
		all[arguments.length + 1] = claimed.requireClaimToken();
		return update("UPDATE " + this.table + " SET " + assignments + ", claim_token = NULL, lease_until = 0"
				+ " WHERE seq = ? AND claim_token = ? AND status = '" + PENDING + "'", all) == 1;
	}

	@Override
	public boolean renewLease(InboxEntry claimed, Duration lease) {
		return update(
				"UPDATE " + this.table + " SET lease_until = " + now()
						+ " + ? WHERE seq = ? AND claim_token = ? AND status = '" + PENDING + "'",
				lease.toMillis(), claimed.sequence(), claimed.requireClaimToken()) == 1;
	}

	@Override
	public InboxBacklog backlog() {
		return bounded(() -> this.jdbc.queryForObject(
				"SELECT SUM(CASE WHEN status = '" + PENDING + "' THEN 1 ELSE 0 END), SUM(CASE WHEN status = '" + FAILED
						+ "' THEN 1 ELSE 0 END), MIN(CASE WHEN status = '" + PENDING
						+ "' THEN attempts_since END) FROM " + this.table + " WHERE status <> '" + DONE + "'",
				(row, rowNumber) -> {
					long oldest = row.getLong(3);
					Instant oldestPendingSince = row.wasNull() ? null : Instant.ofEpochMilli(oldest);
					return new InboxBacklog(row.getLong(1), row.getLong(2), oldestPendingSince);
				}));
	}

	@Override
	public List<InboxEntry> failed(int limit) {
		return bounded(() -> this.jdbc.query("SELECT " + COLUMNS + " FROM " + this.table + " WHERE status = '" + FAILED
				+ "' ORDER BY create_time_ms, seq LIMIT ?", this.rows, limit));
	}

	@Override
	public boolean replay(String merchantName, String notificationId) {
		return bounded(() -> this.jdbc.update(replay() + " AND merchant_name = ? AND notification_id = ?", merchantName,
				notificationId)) == 1;
	}

	@Override
	public int replayAll() {
		return bounded(() -> this.jdbc.update(replay()));
	}

	private String replay() {
		String now = now();
		return "UPDATE " + this.table + " SET status = '" + PENDING + "', attempts = 0, attempts_since = " + now
				+ ", next_attempt_at = " + now + " WHERE status = '" + FAILED + "'";
	}

	@Override
	public boolean discard(String merchantName, String notificationId) {
		return bounded(
				() -> this.jdbc.update(
						"UPDATE " + this.table + " SET status = '" + DONE + "' WHERE status = '" + FAILED
								+ "' AND merchant_name = ? AND notification_id = ?",
						merchantName, notificationId)) == 1;
	}

	/**
	 * Deletes done entries in batches of at most {@value #PURGE_BATCH}: the keys of a
	 * batch are selected (through the index on status and recording time), then deleted
	 * by key, each statement a short transaction of its own, so that a large backlog
	 * neither runs into the query timeout nor holds many locks at once. A limited delete
	 * has no form that PostgreSQL, MySQL and H2 all run quickly.
	 */
	@Override
	public int purgeDone(Instant recordedBefore) {
		int purged = 0;
		List<Long> batch;
		do {
			batch = committed(() -> this.jdbc.queryForList(
					"SELECT seq FROM " + this.table + " WHERE status = '" + DONE + "' AND recorded_at < ? LIMIT ?",
					Long.class, recordedBefore.toEpochMilli(), PURGE_BATCH));
			if (!batch.isEmpty()) {
				String keys = String.join(", ", Collections.nCopies(batch.size(), "?"));
				purged += update(
						"DELETE FROM " + this.table + " WHERE status = '" + DONE + "' AND seq IN (" + keys + ")",
						batch.toArray());
			}
		}
		while (batch.size() == PURGE_BATCH);
		return purged;
	}

	/**
	 * Checks that the table exists and can be read, within the operation timeout.
	 * @throws org.springframework.jdbc.BadSqlGrammarException when the database answers
	 * that the table is missing (or not readable)
	 * @throws org.springframework.dao.DataAccessException when the database cannot be
	 * reached
	 */
	@Override
	public void checkAvailable() {
		this.deadline.call(
				() -> committed(() -> this.jdbc.queryForList("SELECT seq FROM " + this.table + " WHERE 1 = 0")), null);
	}

	/**
	 * Whether the database logs this inbox's statements for statement-based replication:
	 * MySQL or MariaDB with {@code binlog_format=STATEMENT}, under which a claim
	 * ({@code SELECT ... FOR UPDATE SKIP LOCKED}, then an update) may change other rows
	 * on a replica than on the source. {@code ROW} (the MySQL 8 default) and
	 * {@code MIXED} (the MariaDB default) are safe.
	 * @return {@code true} on MySQL and MariaDB when the session's binlog format is
	 * {@code STATEMENT}, {@code false} otherwise
	 * @throws org.springframework.dao.DataAccessException when the database cannot be
	 * asked
	 */
	public boolean logsStatementsForReplication() {
		return this.deadline.call(
				() -> JdbcDatabaseClock.isMysql(databaseProductName()) && "STATEMENT".equalsIgnoreCase(
						committed(() -> this.jdbc.queryForObject("SELECT @@SESSION.binlog_format", String.class))),
				null);
	}

	/**
	 * The current time as SQL: the database's, or the instance's as a literal on a
	 * database without a known expression (and for {@link #onInstanceClock}).
	 */
	private String now() {
		if (!this.databaseKnown) {
			this.databaseNow = this.instanceClockOnly ? null : JdbcDatabaseClock.epochMillis(databaseProductName());
			this.databaseKnown = true;
		}
		String databaseNow = this.databaseNow;
		return (databaseNow != null) ? databaseNow : Long.toString(this.clock.millis());
	}

	private String databaseProductName() {
		return Objects.requireNonNull(this.jdbc
			.execute((ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName()));
	}

	// What health checks, scrapes and operators wait for: within the operation timeout,
	// however long the pool would wait for a connection.
	private <T> T bounded(Supplier<T> statement) {
		return this.deadline.call(() -> committed(statement), null);
	}

	private int update(String sql, Object... arguments) {
		return committed(() -> this.jdbc.update(sql, arguments));
	}

	// One statement per transaction: a failed insert must not spoil the statements after
	// it (PostgreSQL refuses every further statement of a transaction once one failed).
	private <T> T committed(Supplier<T> statement) {
		return Objects.requireNonNull(this.transactions.execute((status) -> statement.get()));
	}

	private InboxEntry entry(ResultSet row, int rowNumber) throws SQLException {
		ComplaintNotification notification = StoredNotifications.read(row::getString);
		return new InboxEntry(notification, row.getLong("seq"), InboxEntry.Status.valueOf(row.getString("status")),
				row.getInt("attempts"), Instant.ofEpochMilli(row.getLong("attempts_since")),
				row.getString("last_error"), row.getString("claim_token"));
	}

	@Override
	public String toString() {
		return "JdbcNotificationInbox[table=" + this.table + ", operationTimeout=" + this.deadline.timeout() + "]";
	}

}
