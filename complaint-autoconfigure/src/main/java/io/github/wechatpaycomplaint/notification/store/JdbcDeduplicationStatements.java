package io.github.wechatpaycomplaint.notification.store;

import java.util.Locale;

/**
 * The SQL of {@link JdbcNotificationDeduplicationStore} for one database. Expiries are
 * epoch milliseconds computed from the database's current time, so that every instance
 * measures leases with the same clock.
 */
record JdbcDeduplicationStatements(String insert, String takeOver, String selectState, String finish, String delete,
		String purge, String probe, boolean usesDatabaseClock, String table) {

	static final String PROCESSING = "PROCESSING";

	static final String DONE = "DONE";

	/** The current time in epoch milliseconds on PostgreSQL and H2. */
	static final String EPOCH_MILLIS_STANDARD = "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)";

	/**
	 * The current time in epoch milliseconds on MySQL and MariaDB: UTC_TIMESTAMP does not
	 * depend on the session's time zone, and TIMESTAMPDIFF between two DATETIMEs converts
	 * none.
	 */
	static final String EPOCH_MILLIS_MYSQL = "(TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', UTC_TIMESTAMP(6))"
			+ " DIV 1000)";

	/**
	 * The statements for a database.
	 * @param table the table, already checked
	 * @param databaseProductName as reported by the driver
	 * @return the statements; for a database without a shipped script, statements that
	 * need {@link #at}
	 */
	static JdbcDeduplicationStatements forDatabase(String table, String databaseProductName) {
		String name = databaseProductName.toLowerCase(Locale.ROOT);
		if (name.contains("mysql") || name.contains("mariadb")) {
			return of(table, EPOCH_MILLIS_MYSQL, true);
		}
		if (name.contains("postgres") || name.equals("h2")) {
			return of(table, EPOCH_MILLIS_STANDARD, true);
		}
		return of(table, "0", false);
	}

	/**
	 * The statements with the instance's current time in place of the database's, for
	 * other databases.
	 * @param epochMillis the instance's current time
	 * @return the statements
	 */
	JdbcDeduplicationStatements at(long epochMillis) {
		return of(this.table, Long.toString(epochMillis), false);
	}

	private static JdbcDeduplicationStatements of(String table, String now, boolean databaseClock) {
		return new JdbcDeduplicationStatements(
				"INSERT INTO " + table + " (notification_id, claim_token, state, expires_at) VALUES (?, ?, '"
						+ PROCESSING + "', " + now + " + ?)",
				"UPDATE " + table + " SET claim_token = ?, state = '" + PROCESSING + "', expires_at = " + now
						+ " + ? WHERE notification_id = ? AND expires_at <= " + now,
				"SELECT state FROM " + table + " WHERE notification_id = ?",
				"UPDATE " + table + " SET state = '" + DONE + "', expires_at = " + now
						+ " + ? WHERE notification_id = ? AND claim_token = ? AND state = '" + PROCESSING + "'",
				"DELETE FROM " + table + " WHERE notification_id = ? AND claim_token = ? AND state = '" + PROCESSING
						+ "'",
				"DELETE FROM " + table + " WHERE expires_at <= " + now,
				"SELECT notification_id FROM " + table + " WHERE 1 = 0", databaseClock, table);
	}

}
