package io.github.wechatpaycomplaint.notification.store;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The database's current time as SQL, in epoch milliseconds, for the JDBC tables of the
 * starter: leases and due times computed in the statements themselves, so that instances
 * whose clocks disagree (or one whose clock jumps) still honour each other's claims.
 *
 * @since 0.1.0
 */
public final class JdbcDatabaseClock {

	/** The current time in epoch milliseconds on PostgreSQL and H2. */
	private static final String EPOCH_MILLIS_STANDARD = "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)";

	/**
	 * The current time in epoch milliseconds on MySQL and MariaDB: UTC_TIMESTAMP does not
	 * depend on the session's time zone, and TIMESTAMPDIFF between two DATETIMEs converts
	 * none.
	 */
	private static final String EPOCH_MILLIS_MYSQL = "(TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', UTC_TIMESTAMP(6))"
			+ " DIV 1000)";

	private JdbcDatabaseClock() {
	}

	/**
	 * The SQL expression of the database's current time in epoch milliseconds.
	 * @param databaseProductName as reported by the JDBC driver, e.g. {@code PostgreSQL},
	 * {@code MariaDB}
	 * @return the expression, or {@code null} for a database other than PostgreSQL,
	 * MySQL, MariaDB and H2
	 */
	public static @Nullable String epochMillis(String databaseProductName) {
		if (isMysql(databaseProductName)) {
			return EPOCH_MILLIS_MYSQL;
		}
		String name = databaseProductName.toLowerCase(Locale.ROOT);
		if (name.contains("postgres") || name.equals("h2")) {
			return EPOCH_MILLIS_STANDARD;
		}
		return null;
	}

	/**
	 * Whether a database is MySQL or MariaDB.
	 * @param databaseProductName as reported by the JDBC driver
	 * @return {@code true} for MySQL and MariaDB
	 */
	public static boolean isMysql(String databaseProductName) {
		String name = databaseProductName.toLowerCase(Locale.ROOT);
		return name.contains("mysql") || name.contains("mariadb");
	}

}
