package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.deadline.ComplaintLedger;
import io.github.wechatpaycomplaint.deadline.DeadlineRules;
import io.github.wechatpaycomplaint.deadline.store.JdbcComplaintLedger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds the JDBC complaint ledger on the application's JdbcTemplate (or its single
 * DataSource): creates the table on request, stops startup when the database says the
 * table is missing, and computes the next checks again for complaints written under other
 * rules. Loaded only when that ledger is chosen.
 */
final class JdbcComplaintLedgers {

	static final String INITIALIZE_SCHEMA = ComplaintDeadlineProperties.PREFIX + ".jdbc.initialize-schema";

	private static final Log logger = LogFactory.getLog(JdbcComplaintLedgers.class);

	private JdbcComplaintLedgers() {
	}

	static ComplaintLedger create(ComplaintDeadlineProperties properties, DeadlineRules rules, Clock clock,
			ListableBeanFactory beanFactory, String storeProperty) {
		JdbcTemplate jdbc = ApplicationJdbc.template(beanFactory.getBeanProvider(JdbcTemplate.class),
				beanFactory.getBeanProvider(DataSource.class), storeProperty, "the complaint ledger",
				"set " + ComplaintLedgerConfiguration.STORE + "=memory");
		String table = properties.getJdbc().getTableName();
		if (properties.getJdbc().isInitializeSchema()) {
			ApplicationJdbc.initializeSchema(() -> JdbcComplaintLedger.initializeSchema(jdbc, table),
					INITIALIZE_SCHEMA);
		}
		JdbcComplaintLedger ledger = new JdbcComplaintLedger(jdbc, table, rules, clock,
				properties.getOperationTimeout());
		if (checkTable(ledger, table)) {
			realign(ledger);
		}
		return ledger;
	}

	/**
	 * Stops startup when the database says the table is missing; a database that cannot
	 * be reached now does not.
	 * @return whether the table could be read
	 */
	private static boolean checkTable(JdbcComplaintLedger ledger, String table) {
		try {
			ledger.checkAvailable();
			return true;
		}
		catch (BadSqlGrammarException ex) {
			throw ApplicationJdbc.missingTable("complaint ledger", table, JdbcComplaintLedger.SCRIPT_DIRECTORY,
					INITIALIZE_SCHEMA, ex);
		}
		catch (RuntimeException ex) {
			logger.warn("The complaint ledger table '" + table + "' could not be checked at startup: the database "
					+ "did not answer (" + ex.getMessage() + "). Deadline scans and recording fail until it does.");
			return false;
		}
	}

	// The deadlines or warnings may have changed since the complaints were written.
	private static void realign(JdbcComplaintLedger ledger) {
		try {
			int realigned = ledger.realign();
			if (realigned > 0) {
				logger.info("Computed the next deadline check again for " + realigned
						+ " open complaints written under other deadline rules");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not compute the next deadline checks again for complaints written under other "
					+ "deadline rules: " + ex.getMessage() + ". They are realigned at the next startup; until then "
					+ "their events may come at the old rules' times.");
		}
	}

}
