package io.github.wechatpaycomplaint.notification.store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.notification.NotificationClaim;
import io.github.wechatpaycomplaint.notification.NotificationClaim.Status;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps notification ids in one database table (PostgreSQL, MySQL/MariaDB, H2; see
 * {@link JdbcDeduplicationSchema}), shared by every instance. A claim is an insert, and
 * the primary key makes the first insert win. A row whose expiry has passed (a finished
 * id past its time to live, or a claim whose lease ran out) is taken over by a
 * conditional update, which also lets only one instance win. Expired rows are deleted at
 * most once per purge interval.
 *
 * <p>
 * Leases, times to live and expiry are computed with the database's clock
 * ({@code CURRENT_TIMESTAMP}), so instances whose clocks disagree, or one whose clock
 * jumps, still honour each other's claims. Only on a database without a shipped script
 * the instance's clock is used. The instance's clock only decides when to purge next.
 *
 * <p>
 * Every operation is bounded by the operation timeout: the caller waits no longer,
 * whether the database is slow to answer a query (the statements also carry a query
 * timeout, rounded up to whole seconds) or the pool is slow to hand out a connection. See
 * {@link StoreOperationDeadline} for what happens to the work given up.
 *
 * <p>
 * Each statement runs in a transaction of its own, committed at once, so the store works
 * the same whether the pool's connections have auto-commit on or off
 * ({@code spring.datasource.hikari.auto-commit=false}).
 *
 * @since 0.1.0
 */
public final class JdbcNotificationDeduplicationStore implements NotificationDeduplicationStore {

	/** Operation timeout of the constructors that take none. */
	public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(2);

	private static final int ATTEMPTS = 3;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final String table;

	private final Clock clock;

	private final Duration purgeInterval;

	private final StoreOperationDeadline deadline;

	private final AtomicLong nextPurge = new AtomicLong();

	private volatile @Nullable JdbcDeduplicationStatements statements;

	/**
	 * Creates a store on an existing table with the {@link #DEFAULT_OPERATION_TIMEOUT
	 * default operation timeout}.
	 * @param jdbc the template; only its data source and exception translator are used
	 * @param tableName the table, a plain SQL identifier
	 * @param clock the clock that decides when to purge expired rows (and, on a database
	 * without a shipped script, computes expiries)
	 * @param purgeInterval the least time between two deletions of expired rows
	 */
	public JdbcNotificationDeduplicationStore(JdbcTemplate jdbc, String tableName, Clock clock,
			Duration purgeInterval) {
		this(jdbc, tableName, clock, purgeInterval, DEFAULT_OPERATION_TIMEOUT);
	}

	/**
	 * Creates a store on an existing table.
	 * @param jdbc the template; only its data source and exception translator are used
	 * @param tableName the table, a plain SQL identifier
	 * @param clock the clock that decides when to purge expired rows (and, on a database
	 * without a shipped script, computes expiries)
	 * @param purgeInterval the least time between two deletions of expired rows
	 * @param operationTimeout the longest time a caller waits for one operation,
	 * connection included
	 */
	public JdbcNotificationDeduplicationStore(JdbcTemplate jdbc, String tableName, Clock clock, Duration purgeInterval,
			Duration operationTimeout) {
		Objects.requireNonNull(jdbc, "jdbc");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.purgeInterval = Objects.requireNonNull(purgeInterval, "purgeInterval");
		this.table = JdbcDeduplicationSchema.checkTableName(tableName);
		this.deadline = new StoreOperationDeadline("jdbc", operationTimeout);
		this.jdbc = JdbcDeduplicationSchema.boundedTemplate(jdbc, operationTimeout);
		this.transactions = JdbcDeduplicationSchema.transactions(this.jdbc);
	}

	@Override
	public NotificationClaim claim(String notificationId, Duration lease) {
		return this.deadline.call(() -> claimNow(notificationId, lease), this::releaseLateClaim);
	}

	@Override
	public boolean markDone(NotificationClaim claim, Duration timeToLive) {
		String token = claim.requireToken();
		return this.deadline
			.call(() -> update(statements().finish(), timeToLive.toMillis(), claim.notificationId(), token) == 1, null);
	}

	@Override
	public void release(NotificationClaim claim) {
		String token = claim.requireToken();
		this.deadline.call(() -> update(statements().delete(), claim.notificationId(), token), null);
	}

	/**
	 * Checks that the table exists and can be read, within the operation timeout.
	 * @throws org.springframework.jdbc.BadSqlGrammarException when the database answers
	 * that the table is missing (or not readable)
	 * @throws org.springframework.dao.DataAccessException when the database cannot be
	 * reached
	 * @throws DeduplicationStoreUnavailableException when it does not answer in time
	 */
	@Override
	public void checkAvailable() {
		this.deadline.call(() -> committed(() -> this.jdbc.queryForList(statements().probe())), null);
	}

	/**
	 * Deletes every expired row now.
	 * @return the number of rows deleted
	 */
	public int purgeExpired() {
		return this.deadline.call(() -> update(statements().purge()), null);
	}

	private NotificationClaim claimNow(String notificationId, Duration lease) {
		purgeIfDue();
		JdbcDeduplicationStatements sql = statements();
		NotificationClaim claim = NotificationClaim.claimed(notificationId);
		long leaseMillis = lease.toMillis();
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			try {
				update(sql.insert(), notificationId, claim.token(), leaseMillis);
				return claim;
			}
			catch (DuplicateKeyException ex) {
				// Seen before: take the row over if it expired, else report what it is.
			}
			if (update(sql.takeOver(), claim.token(), leaseMillis, notificationId) == 1) {
				return claim;
			}
			List<String> states = committed(
					() -> this.jdbc.queryForList(sql.selectState(), String.class, notificationId));
			if (!states.isEmpty()) {
				return NotificationClaim.refused(notificationId,
						JdbcDeduplicationStatements.DONE.equals(states.get(0)) ? Status.DUPLICATE : Status.IN_PROGRESS);
			}
			// Released or purged between the statements: try again.
		}
		return NotificationClaim.refused(notificationId, Status.IN_PROGRESS);
	}

	// A claim that succeeded after the caller gave up: nobody handles it, so let the next
	// delivery have it.
	private void releaseLateClaim(NotificationClaim claim) {
		if (claim.status() == Status.CLAIMED) {
			update(statements().delete(), claim.notificationId(), claim.requireToken());
		}
	}

	private void purgeIfDue() {
		long now = this.clock.millis();
		long due = this.nextPurge.get();
		if (now >= due && this.nextPurge.compareAndSet(due, now + this.purgeInterval.toMillis())) {
			update(statements().purge());
		}
	}

	private int update(String sql, Object... arguments) {
		return committed(() -> this.jdbc.update(sql, arguments));
	}

	// One statement per transaction, as with auto-commit: a failed insert must not spoil
	// the statements after it
	// (PostgreSQL refuses every further statement of a transaction once one failed).
	private <T> T committed(Supplier<T> statement) {
		T result = this.transactions.execute((status) -> statement.get());
		return Objects.requireNonNull(result);
	}

	private JdbcDeduplicationStatements statements() {
		JdbcDeduplicationStatements statements = this.statements;
		if (statements == null) {
			String product = this.jdbc.execute(
					(ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName());
			statements = JdbcDeduplicationStatements.forDatabase(this.table, product);
			this.statements = statements;
		}
		return statements.usesDatabaseClock() ? statements : statements.at(this.clock.millis());
	}

	@Override
	public String toString() {
		return "JdbcNotificationDeduplicationStore[table=" + this.table + ", operationTimeout="
				+ this.deadline.timeout() + "]";
	}

}
