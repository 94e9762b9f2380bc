package io.github.wechatpaycomplaint.autoconfigure;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the JDBC de-duplication store and the JDBC inbox both need from the application:
 * its JdbcTemplate (or one on its single DataSource), and their table created on request,
 * each failing at startup with the property to fix. Loaded only by configurations that
 * are conditional on spring-jdbc.
 */
final class ApplicationJdbc {

	private ApplicationJdbc() {
	}

	/**
	 * The application's unique JdbcTemplate, else a new one on its unique DataSource.
	 * @param storeProperty the property that chose JDBC
	 * @param what what was chosen, e.g. {@code the store}
	 * @param otherChoice the alternative to name, e.g. {@code choose another store}
	 * @throws InvalidComplaintPropertyException when there is neither
	 */
	static JdbcTemplate template(ObjectProvider<JdbcTemplate> jdbcTemplate, ObjectProvider<DataSource> dataSource,
			String storeProperty, String what, String otherChoice) {
		return jdbcTemplate.getIfUnique(() -> {
			DataSource unique = dataSource.getIfUnique();
			if (unique == null) {
				throw new InvalidComplaintPropertyException(storeProperty,
						what + " is JDBC but the application has no (single) DataSource",
						"Configure a DataSource (spring.datasource.url, or a DataSource bean), or " + otherChoice
								+ ".");
			}
			return new JdbcTemplate(unique);
		});
	}

	/**
	 * Runs a schema script, turning a database without a script into a startup failure.
	 * @param initialize runs the script
	 * @param initializeSchemaProperty the property that asked for it
	 * @throws InvalidComplaintPropertyException when the database has no script
	 */
	static void initializeSchema(Runnable initialize, String initializeSchemaProperty) {
		try {
			initialize.run();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidComplaintPropertyException(initializeSchemaProperty, ex.getMessage(),
					"Create the table yourself (see the scripts in the jar) and set initialize-schema=false.", ex);
		}
	}

	/**
	 * The startup failure for a table the database says is missing, naming the property
	 * that creates it and the scripts in the jar.
	 * @param what what the table holds, e.g. {@code inbox}
	 * @param table the table name
	 * @param scriptDirectory the classpath directory of the schema scripts
	 * @param initializeSchemaProperty the property that creates the table
	 * @param ex what the database said
	 * @return the exception to throw
	 */
	static InvalidComplaintPropertyException missingTable(String what, String table, String scriptDirectory,
			String initializeSchemaProperty, BadSqlGrammarException ex) {
		String scripts = "classpath:" + scriptDirectory;
		return new InvalidComplaintPropertyException(initializeSchemaProperty,
				"the " + what + " table '" + table + "' does not exist or cannot be read ("
						+ ex.getMostSpecificCause().getMessage() + ")",
				"Set " + initializeSchemaProperty + "=true to create it at startup, or create it with the script for "
						+ "your database in the starter's jar, replacing ${table} with '" + table + "': " + scripts
						+ "schema-postgresql.sql, " + scripts + "schema-mysql.sql (MySQL, MariaDB) or " + scripts
						+ "schema-h2.sql.",
				ex);
	}

}
