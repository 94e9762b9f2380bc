package io.github.wechatpaycomplaint.deadline.store;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.deadline.ComplaintFact;
import io.github.wechatpaycomplaint.deadline.ComplaintLedger;
import io.github.wechatpaycomplaint.deadline.ComplaintRef;
import io.github.wechatpaycomplaint.deadline.DeadlineRules;
import io.github.wechatpaycomplaint.deadline.MerchantDeadlineSummaries;
import io.github.wechatpaycomplaint.deadline.MerchantDeadlineSummary;
import io.github.wechatpaycomplaint.deadline.Threshold;
import io.github.wechatpaycomplaint.deadline.TrackedComplaint;
import io.github.wechatpaycomplaint.deadline.store.JdbcLedgerRows.StoredComplaint;
import io.github.wechatpaycomplaint.notification.store.JdbcDeduplicationSchema;
import io.github.wechatpaycomplaint.notification.store.StoreOperationDeadline;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link ComplaintLedger} in one database table (PostgreSQL, MySQL 8, MariaDB 10.6+,
 * and H2 for tests; scripts in this jar under {@value #SCRIPT_DIRECTORY}), shared by
 * every instance: one row per complaint, keyed by merchant name and complaint id.
 *
 * <p>
 * The merging stays in Java ({@link TrackedComplaint#merge}): a write reads the row,
 * merges, and updates it only if its version is still the one read (an optimistic
 * compare-and-set); a new complaint is inserted, and an instance that loses the race for
 * the insert reads the winner's row and merges into it. A filing is inserted without
 * reading first. Each operation runs on one connection and commits only when the pool's
 * connections have auto-commit off, so that recording a fact costs one round trip for a
 * new complaint and two for a known one. {@link #markPublished} is the same
 * compare-and-set, under the memory ledger's conditions. A write retried
 * {@value #MAX_ATTEMPTS} times without winning ends in an
 * {@link OptimisticLockingFailureException}.
 *
 * <p>
 * Each row holds its next check time ({@link TrackedComplaint#nextCheckAt}), indexed, so
 * that a scan reads the due rows only, and a fingerprint of the rules that computed it:
 * {@link #realign()} computes it again for the open complaints written under other rules.
 * Every instant is the application's clock, not the database's.
 *
 * <p>
 * Every operation waits at most the operation timeout, connection included
 * ({@link StoreOperationDeadline}); the statements carry it as a query timeout too. The
 * purge and the realignment run in batches, each bounded on its own.
 *
 * @since 0.1.0
 */
public final class JdbcComplaintLedger implements ComplaintLedger {

	/** The classpath directory of the schema scripts. */
	public static final String SCRIPT_DIRECTORY = "io/github/wechatpaycomplaint/deadline/store/";

	/**
	 * How many times a write is tried against concurrent writers of the same complaint.
	 */
	static final int MAX_ATTEMPTS = 16;

	/** The most rows one purge or realignment statement reads. */
	static final int BATCH = 500;

	private static final String OPEN = "completed_at IS NULL AND round_start IS NOT NULL";

	// OPEN for the top-N sort of mostUrgent: "+ 0" keeps MariaDB off the completion
	// index, through which it fetched each open row by key (85 ms instead of 23 for
	// 90,000 open of 100,000); PostgreSQL scans the table either way. Not for the other
	// statements: PostgreSQL then misjudges the row count and aggregates on one worker
	// (21 ms -> 52 ms).
	private static final String OPEN_SORTED = "completed_at + 0 IS NULL AND round_start IS NOT NULL";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final String table;

	private final DeadlineRules rules;

	private final String rulesFingerprint;

	private final Clock clock;

	private final StoreOperationDeadline deadline;

	/**
	 * Creates a ledger on an existing table.
	 * @param jdbc the template; only its data source and exception translator are used
	 * @param tableName the table, a plain SQL identifier
	 * @param rules the rules that give each complaint its next check time
	 * @param clock the clock that stamps when a complaint was learned and what purging
	 * keeps
	 * @param operationTimeout the longest time one operation may take, connection
	 * included
	 */
	public JdbcComplaintLedger(JdbcTemplate jdbc, String tableName, DeadlineRules rules, Clock clock,
			Duration operationTimeout) {
		Objects.requireNonNull(jdbc, "jdbc");
		this.table = JdbcDeduplicationSchema.checkTableName(tableName);
		this.rules = Objects.requireNonNull(rules, "rules");
		this.rulesFingerprint = LedgerRulesFingerprint.of(rules);
		this.clock = Objects.requireNonNull(clock, "clock");
		this.deadline = new StoreOperationDeadline("jdbc-ledger", "JDBC complaint ledger", operationTimeout);
		this.jdbc = JdbcDeduplicationSchema.boundedTemplate(jdbc, operationTimeout);
		this.transactions = JdbcDeduplicationSchema.transactions(this.jdbc);
	}

	/**
	 * Creates the table from the script for the database unless it exists.
	 * @param jdbc the template
	 * @param tableName the table, a plain SQL identifier
	 */
	public static void initializeSchema(JdbcTemplate jdbc, String tableName) {
		JdbcDeduplicationSchema.initialize(jdbc, tableName, SCRIPT_DIRECTORY);
	}

	/**
	 * Records on one connection. A filing is most often the first the ledger hears of a
	 * complaint, so it is inserted at once (one round trip); any other fact, or a filing
	 * of a complaint already known, reads the row and writes it back merged (two).
	 */
	@Override
	public Recorded record(ComplaintRef ref, ComplaintFact fact) {
		Objects.requireNonNull(ref, "ref");
		Objects.requireNonNull(fact, "fact");
		// A write that lands after the caller gave up is kept: facts merge idempotently.
		return onConnection((connection) -> {
			if (fact instanceof ComplaintFact.Filed) {
				TrackedComplaint added = added(ref, fact);
				if (insert(connection, added)) {
					return new Recorded(null, added);
				}
			}
			for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
				StoredComplaint current = read(connection, ref.merchantName(), ref.complaintId());
				if (current == null) {
					TrackedComplaint added = added(ref, fact);
					if (insert(connection, added)) {
						return new Recorded(null, added);
					}
				}
				else {
					TrackedComplaint merged = JdbcLedgerRows.inMillis(current.complaint().merge(fact));
					if (merged.equals(current.complaint()) && isCurrent(current)) {
						return new Recorded(current.complaint(), merged);
					}
					if (update(connection, current, merged)) {
						return new Recorded(current.complaint(), merged);
					}
				}
				connection.endAttempt();
				backOff(attempt);
			}
			throw conflicts(ref);
		});
	}

	private TrackedComplaint added(ComplaintRef ref, ComplaintFact fact) {
		return JdbcLedgerRows.inMillis(TrackedComplaint.learned(ref, this.clock.instant()).merge(fact));
	}

	@Override
	public Optional<TrackedComplaint> find(String merchantName, String complaintId) {
		StoredComplaint stored = onConnection((connection) -> read(connection, merchantName, complaintId));
		return Optional.ofNullable(stored).map(StoredComplaint::complaint);
	}

	@Override
	public List<TrackedComplaint> dueForCheck(Instant now, int limit) {
		return complaints(boundedStatement(() -> this.jdbc.query(
				"SELECT " + JdbcLedgerRows.COLUMNS + " FROM " + this.table
						+ " WHERE next_check_at <= ? ORDER BY next_check_at, merchant_name, complaint_id LIMIT ?",
				JdbcLedgerRows::read, now.toEpochMilli(), limit)));
	}

	@Override
	public boolean markPublished(ComplaintRef ref, int round, Threshold threshold) {
		Objects.requireNonNull(threshold, "threshold");
		return onConnection((connection) -> {
			for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
				StoredComplaint current = read(connection, ref.merchantName(), ref.complaintId());
				if (current == null) {
					return false;
				}
				TrackedComplaint complaint = current.complaint();
				if (complaint.round() != round || complaint.published().contains(threshold)
						|| !complaint.isClockRunning(threshold)) {
					return false;
				}
				if (update(connection, current, complaint.withPublished(threshold))) {
					return true;
				}
				connection.endAttempt();
				backOff(attempt);
			}
			throw conflicts(ref);
		});
	}

	@Override
	public List<TrackedComplaint> open() {
		return complaints(boundedStatement(() -> this.jdbc.query(
				"SELECT " + JdbcLedgerRows.COLUMNS + " FROM " + this.table + " WHERE " + OPEN, JdbcLedgerRows::read)));
	}

	/**
	 * Adds the summaries up in the database, one row per merchant, in one statement
	 * bounded by the operation timeout: the open rows are read there, not sent.
	 */
	@Override
	public Map<String, MerchantDeadlineSummary> summaries(Instant now, DeadlineRules rules) {
		MerchantDeadlineSummaries summaries = new MerchantDeadlineSummaries(now, rules);
		// Instants are whole milliseconds: overdue exactly when the start is at or before
		// now minus the deadline's time, as TrackedComplaint.isOverdue judges.
		String overdue = "(first_reply_at IS NULL AND round_start <= ?) OR (first_reply_at IS NOT NULL AND round_start <= ?)";
		String sql = "SELECT merchant_name, COUNT(*) AS open_count,"
				+ " SUM(CASE WHEN first_reply_at IS NULL THEN 1 ELSE 0 END) AS awaiting_count," + " SUM(CASE WHEN "
				+ overdue + " THEN 1 ELSE 0 END) AS overdue_count,"
				+ " MIN(CASE WHEN first_reply_at IS NULL THEN round_start END) AS oldest_awaiting_start FROM "
				+ this.table + " WHERE " + OPEN + " GROUP BY merchant_name";
		RowCallbackHandler add = (row) -> {
			long oldestMillis = row.getLong("oldest_awaiting_start");
			Instant oldest = row.wasNull() ? null : Instant.ofEpochMilli(oldestMillis);
			summaries.addCounts(row.getString("merchant_name"), row.getInt("open_count"), row.getInt("awaiting_count"),
					row.getInt("overdue_count"), oldest);
		};
		boundedStatement(() -> {
			this.jdbc.query(sql, add, summaries.firstReplyOverdueAtOrBefore(), summaries.resolutionOverdueAtOrBefore());
			return summaries;
		});
		return summaries.summaries();
	}

	/**
	 * Picks the most urgent in the database, in two statements within one operation
	 * timeout: the {@code limit}-th nearest deadline, then the open rows due by it (ties
	 * included), sorted here. The database compares deadlines cut to the millisecond,
	 * which never leaves out one of the true first {@code limit}: each is due by the cut
	 * {@code limit}-th.
	 */
	@Override
	public List<TrackedComplaint> mostUrgent(DeadlineRules rules, int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("limit must not be negative");
		}
		if (limit == 0) {
			return List.of();
		}
		String dueAt = "(CASE WHEN first_reply_at IS NULL THEN round_start + ? ELSE round_start + ? END)";
		long firstReply = rules.firstReply().toMillis();
		long resolution = rules.resolution().toMillis();
		String select = "SELECT " + JdbcLedgerRows.COLUMNS + " FROM " + this.table + " WHERE " + OPEN;
		List<StoredComplaint> candidates = bounded(() -> {
			List<Long> nearest = committed(
					() -> this.jdbc.queryForList("SELECT " + dueAt + " AS due_at FROM " + this.table + " WHERE "
							+ OPEN_SORTED + " ORDER BY due_at LIMIT ?", Long.class, firstReply, resolution, limit));
			if (nearest.size() < limit) {
				return committed(() -> this.jdbc.query(select, JdbcLedgerRows::read));
			}
			long last = nearest.get(nearest.size() - 1);
			return committed(() -> this.jdbc.query(select + " AND " + dueAt + " <= ?", JdbcLedgerRows::read, firstReply,
					resolution, last));
		});
		return complaints(candidates).stream().sorted(TrackedComplaint.byUrgency(rules)).limit(limit).toList();
	}

	/**
	 * Deletes completed complaints and complaints too old to matter, through the indexes
	 * on completion and learning time, in batches of at most {@value #BATCH}: the keys of
	 * a batch are selected, then deleted under the same condition (a complaint reopened
	 * meanwhile stays), each batch a short statement bounded by the operation timeout.
	 */
	@Override
	public int purge(Duration completedRetention, Duration maxAge) {
		Instant now = this.clock.instant();
		return purgeWhere("completed_at < ?", now.minus(completedRetention))
				+ purgeWhere("learned_at < ?", now.minus(maxAge));
	}

	private int purgeWhere(String condition, Instant before) {
		int purged = 0;
		while (true) {
			List<Key> batch = boundedStatement(() -> this.jdbc.query(
					"SELECT merchant_name, complaint_id FROM " + this.table + " WHERE " + condition + " LIMIT ?",
					(row, rowNumber) -> new Key(row.getString(1), row.getString(2)), before.toEpochMilli(), BATCH));
			if (!batch.isEmpty()) {
				purged += boundedStatement(() -> deleteWhere(condition, before, batch));
			}
			if (batch.size() < BATCH) {
				return purged;
			}
		}
	}

	// By key, under the condition again: a complaint reopened since it was selected
	// stays.
	private int deleteWhere(String condition, Instant before, List<Key> keys) {
		List<Object> arguments = new ArrayList<>(1 + 2 * keys.size());
		arguments.add(before.toEpochMilli());
		for (Key key : keys) {
			arguments.add(key.merchantName());
			arguments.add(key.complaintId());
		}
		return this.jdbc.update("DELETE FROM " + this.table + " WHERE " + condition
				+ " AND (merchant_name, complaint_id) IN (" + "(?, ?), ".repeat(keys.size() - 1) + "(?, ?))",
				arguments.toArray());
	}

	/**
	 * Computes the next check time again for every open complaint written under other
	 * rules (the deadlines or warnings changed since), in batches of at most
	 * {@value #BATCH} in key order, each bounded by the operation timeout. A complaint
	 * written meanwhile is left as its writer wrote it. Run once at startup; harmless
	 * when several instances run it together.
	 * @return how many complaints were realigned
	 */
	public int realign() {
		int realigned = 0;
		Key after = null;
		while (true) {
			Key from = after;
			List<StoredComplaint> batch = boundedStatement(() -> writtenUnderOtherRules(from));
			for (StoredComplaint stored : batch) {
				// Each row on its own: drivers disagree on what a batch's update counts
				// say.
				realigned += onConnection((connection) -> update(connection, stored, stored.complaint())) ? 1 : 0;
			}
			if (batch.size() < BATCH) {
				return realigned;
			}
			TrackedComplaint last = batch.get(batch.size() - 1).complaint();
			after = new Key(last.ref().merchantName(), last.ref().complaintId());
		}
	}

	private List<StoredComplaint> writtenUnderOtherRules(@Nullable Key after) {
		String select = "SELECT " + JdbcLedgerRows.COLUMNS + " FROM " + this.table + " WHERE " + OPEN
				+ " AND rules_fingerprint <> ?";
		String order = " ORDER BY merchant_name, complaint_id LIMIT ?";
		if (after == null) {
			return this.jdbc.query(select + order, JdbcLedgerRows::read, this.rulesFingerprint, BATCH);
		}
		return this.jdbc.query(select + " AND (merchant_name, complaint_id) > (?, ?)" + order, JdbcLedgerRows::read,
				this.rulesFingerprint, after.merchantName(), after.complaintId(), BATCH);
	}

	/**
	 * Checks that the table exists and can be read, within the operation timeout.
	 * @throws org.springframework.jdbc.BadSqlGrammarException when the database answers
	 * that the table is missing (or not readable)
	 * @throws org.springframework.dao.DataAccessException when the database cannot be
	 * reached
	 */
	public void checkAvailable() {
		boundedStatement(() -> this.jdbc.queryForList("SELECT merchant_name FROM " + this.table + " WHERE 1 = 0"));
	}

	@Override
	public boolean isShared() {
		return true;
	}

	private @Nullable StoredComplaint read(LedgerConnection connection, String merchantName, String complaintId)
			throws SQLException {
		List<StoredComplaint> found = connection.query("SELECT " + JdbcLedgerRows.COLUMNS + " FROM " + this.table
				+ " WHERE merchant_name = ? AND complaint_id = ?", merchantName, complaintId);
		return found.isEmpty() ? null : found.get(0);
	}

	// False when another instance added it first; the caller merges into its row.
	private boolean insert(LedgerConnection connection, TrackedComplaint complaint) throws SQLException {
		ComplaintRef ref = complaint.ref();
		return connection.insert(
				"INSERT INTO " + this.table + " (" + JdbcLedgerRows.COLUMNS
						+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
				ref.merchantName(), ref.complaintId(), ref.merchantId(), complaint.learnedAt().toEpochMilli(),
				complaint.round(), JdbcLedgerRows.millis(complaint.roundStart()),
				JdbcLedgerRows.millis(complaint.firstReplyAt()), JdbcLedgerRows.millis(complaint.completedAt()),
				JdbcLedgerRows.millis(complaint.platformServiceRequestedAt()),
				JdbcLedgerRows.bitmask(complaint.published()), JdbcLedgerRows.millis(complaint.nextCheckAt(this.rules)),
				this.rulesFingerprint);
	}

	// The compare-and-set: only if nobody wrote the row since it was read.
	private boolean update(LedgerConnection connection, StoredComplaint current, TrackedComplaint updated)
			throws SQLException {
		ComplaintRef ref = current.complaint().ref();
		return connection.update(
				"UPDATE " + this.table + " SET round_number = ?, round_start = ?, first_reply_at = ?, completed_at = ?,"
						+ " platform_service_requested_at = ?, published = ?, next_check_at = ?, rules_fingerprint = ?,"
						+ " version = version + 1 WHERE merchant_name = ? AND complaint_id = ? AND version = ?",
				updated.round(), JdbcLedgerRows.millis(updated.roundStart()),
				JdbcLedgerRows.millis(updated.firstReplyAt()), JdbcLedgerRows.millis(updated.completedAt()),
				JdbcLedgerRows.millis(updated.platformServiceRequestedAt()),
				JdbcLedgerRows.bitmask(updated.published()), JdbcLedgerRows.millis(updated.nextCheckAt(this.rules)),
				this.rulesFingerprint, ref.merchantName(), ref.complaintId(), current.version()) == 1;
	}

	private boolean isCurrent(StoredComplaint stored) {
		return this.rulesFingerprint.equals(stored.rulesFingerprint());
	}

	// Spreads writers that collided on one complaint apart; an interrupt (the caller
	// gave up) ends the attempts.
	private static void backOff(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextInt(1, 2 + (1 << Math.min(attempt, 5))));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while writing to the complaint ledger", ex);
		}
	}

	private OptimisticLockingFailureException conflicts(ComplaintRef ref) {
		return new OptimisticLockingFailureException("Complaint " + ref.complaintId() + " of merchant '"
				+ ref.merchantName() + "' was changed by another writer before each of " + MAX_ATTEMPTS
				+ " attempts to write it in the complaint ledger table '" + this.table + "'");
	}

	private static List<TrackedComplaint> complaints(List<StoredComplaint> stored) {
		List<TrackedComplaint> complaints = new ArrayList<>(stored.size());
		stored.forEach((each) -> complaints.add(each.complaint()));
		return complaints;
	}

	// One operation, connection included, within the operation timeout; its statements
	// commit one by one.
	private <T> T bounded(Supplier<T> operation) {
		return this.deadline.call(operation::get, null);
	}

	// One operation on one connection of the pool, within the operation timeout; what it
	// leaves uncommitted is rolled back.
	private <T> T onConnection(LedgerWork<T> work) {
		return bounded(() -> this.jdbc.execute((ConnectionCallback<T>) (connection) -> {
			LedgerConnection ledgerConnection = new LedgerConnection(connection, this.jdbc.getExceptionTranslator());
			T result;
			try {
				result = work.run(ledgerConnection);
			}
			catch (SQLException | RuntimeException ex) {
				try {
					ledgerConnection.endAttempt();
				}
				catch (SQLException rollbackFailure) {
					ex.addSuppressed(rollbackFailure);
				}
				throw ex;
			}
			ledgerConnection.endAttempt();
			return result;
		}));
	}

	private <T> T boundedStatement(Supplier<T> statement) {
		return bounded(() -> committed(statement));
	}

	// One statement per transaction, committed whatever the connections' auto-commit.
	private <T> T committed(Supplier<T> statement) {
		return Objects.requireNonNull(this.transactions.execute((status) -> statement.get()));
	}

	@Override
	public String toString() {
		return "JdbcComplaintLedger[table=" + this.table + ", operationTimeout=" + this.deadline.timeout() + "]";
	}

	private record Key(String merchantName, String complaintId) {

	}

	@FunctionalInterface
	private interface LedgerWork<T> {

		T run(LedgerConnection connection) throws SQLException;

	}

}
