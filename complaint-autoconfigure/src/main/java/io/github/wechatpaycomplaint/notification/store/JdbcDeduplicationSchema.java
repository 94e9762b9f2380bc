package io.github.wechatpaycomplaint.notification.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table of {@link JdbcNotificationDeduplicationStore}: one script per database in
 * this jar
 * ({@code io/github/wechatpaycomplaint/notification/store/schema-{h2,postgresql,mysql}.sql},
 * with a {@code ${table}} placeholder), applied on request with
 * {@code CREATE TABLE IF NOT EXISTS}, in a transaction that is committed, so that the
 * table is kept on a database whose DDL is transactional (PostgreSQL) when connections
 * have auto-commit off.
 *
 * @since 0.1.0
 */
public final class JdbcDeduplicationSchema {

	/** The placeholder for the table name in the scripts. */
	public static final String TABLE_PLACEHOLDER = "${table}";

	private static final String SCRIPT_DIRECTORY = "io/github/wechatpaycomplaint/notification/store/";

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,47}");

	private JdbcDeduplicationSchema() {
	}

	/**
	 * Checks that a table name is a plain SQL identifier, since it becomes part of SQL
	 * text.
	 * @param tableName the name
	 * @return the name
	 * @throws IllegalArgumentException when it is not a plain identifier of at most 48
	 * characters
	 */
	public static String checkTableName(String tableName) {
		if (tableName == null || !IDENTIFIER.matcher(tableName).matches()) {
			throw new IllegalArgumentException("The table name must be a plain SQL identifier (letters, digits, "
					+ "underscores; at most 48 characters), not '" + tableName + "'");
		}
		return tableName;
	}

	/**
	 * The script for a database product.
	 * @param databaseProductName as reported by the JDBC driver, e.g. {@code PostgreSQL},
	 * {@code MariaDB}
	 * @return the classpath location of the script
	 * @throws IllegalArgumentException for a database without a script
	 */
	public static String scriptLocation(String databaseProductName) {
		return scriptLocation(SCRIPT_DIRECTORY, databaseProductName);
	}

	/**
	 * The script for a database product among the scripts of one table.
	 * @param scriptDirectory the classpath directory of the scripts, ending with
	 * {@code /}
	 * @param databaseProductName as reported by the JDBC driver
	 * @return the classpath location of the script
	 * @throws IllegalArgumentException for a database without a script
	 */
	public static String scriptLocation(String scriptDirectory, String databaseProductName) {
		String name = databaseProductName.toLowerCase(Locale.ROOT);
		String database;
		if (name.contains("postgres")) {
			database = "postgresql";
		}
		else if (name.contains("mysql") || name.contains("mariadb")) {
			database = "mysql";
		}
		else if (name.equals("h2")) {
			database = "h2";
		}
		else {
			throw new IllegalArgumentException("No schema script for database '" + databaseProductName
					+ "'; scripts exist for PostgreSQL, MySQL, MariaDB and H2. Create the table yourself.");
		}
		return scriptDirectory + "schema-" + database + ".sql";
	}

	/**
	 * Creates the table and its index unless they exist.
	 * @param jdbc the template
	 * @param tableName the table name
	 */
	public static void initialize(JdbcTemplate jdbc, String tableName) {
		initialize(jdbc, tableName, SCRIPT_DIRECTORY);
	}

	/**
	 * Creates a table from the script for the database among the scripts of a directory
	 * (same file names and placeholder as this table's), unless it exists.
	 * @param jdbc the template
	 * @param tableName the table name
	 * @param scriptDirectory the classpath directory of the scripts, ending with
	 * {@code /}
	 */
	public static void initialize(JdbcTemplate jdbc, String tableName, String scriptDirectory) {
		String table = checkTableName(tableName);
		for (int attempt = 1;; attempt++) {
			try {
				runScript(jdbc, table, scriptDirectory);
				return;
			}
			catch (DataAccessException ex) {
				// Instances starting together race on CREATE ... IF NOT EXISTS
				// (PostgreSQL reports a duplicate in its
				// catalog). The statements are idempotent: once the other instance is
				// done, running them again works.
				if (attempt >= 3) {
					throw ex;
				}
				try {
					Thread.sleep(200L * attempt);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	private static void runScript(JdbcTemplate jdbc, String table, String scriptDirectory) {
		transactions(jdbc).executeWithoutResult((status) -> jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			String script = read(scriptLocation(scriptDirectory, connection.getMetaData().getDatabaseProductName()));
			byte[] sql = script.replace(TABLE_PLACEHOLDER, table).getBytes(StandardCharsets.UTF_8);
			ScriptUtils.executeSqlScript(connection, new ByteArrayResource(sql));
			return null;
		}));
	}

	// Transactions on the template's data source, committed whatever the auto-commit
	// setting of its connections.
	/**
	 * A template of the starter's own on the data source of the application's, so that
	 * the application's keeps its settings, with a query timeout of the operation
	 * timeout.
	 * @param jdbc the application's template; only its data source and exception
	 * translator are used
	 * @param operationTimeout the longest time for one operation, rounded up to whole
	 * seconds (JDBC query timeouts are seconds), at least one
	 * @return the new template
	 */
	public static JdbcTemplate boundedTemplate(JdbcTemplate jdbc, Duration operationTimeout) {
		DataSource dataSource = Objects.requireNonNull(jdbc.getDataSource(), "the JdbcTemplate has no DataSource");
		JdbcTemplate copy = new JdbcTemplate(dataSource);
		copy.setExceptionTranslator(jdbc.getExceptionTranslator());
		copy.setQueryTimeout((int) Math.max(1, (operationTimeout.toMillis() + 999) / 1000));
		return copy;
	}

	/**
	 * Transactions on a template's data source.
	 * @param jdbc the template
	 * @return transactions that commit whatever the auto-commit setting of the
	 * connections
	 */
	public static TransactionTemplate transactions(JdbcTemplate jdbc) {
		DataSource dataSource = Objects.requireNonNull(jdbc.getDataSource(), "the JdbcTemplate has no DataSource");
		return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	private static String read(String location) {
		try (InputStream in = new ClassPathResource(location, JdbcDeduplicationSchema.class.getClassLoader())
			.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + location, ex);
		}
	}

}
