package io.github.wechatpaycomplaint.notification.store;

/**
 * The SQL of {@link JdbcNotificationDeduplicationStore} for one database. Expiries are
 * epoch milliseconds computed from the database's current time, so that every instance
 * measures leases with the same clock.
 */
record JdbcDeduplicationStatements(String insert, String takeOver, String selectState, String finish, String delete,
		String purge, String probe, boolean usesDatabaseClock, String table) {

	static final String PROCESSING = "PROCESSING";

	static final String DONE = "DONE";

	/**
	 * The statements for a database.
	 * @param table the table, already checked
	 * @param databaseProductName as reported by the driver
	 * @return the statements; for a database without a shipped script, statements that
	 * need {@link #at}
	 */
	static JdbcDeduplicationStatements forDatabase(String table, String databaseProductName) {
		String now = JdbcDatabaseClock.epochMillis(databaseProductName);
		if (now != null) {
			return of(table, now, true);
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
