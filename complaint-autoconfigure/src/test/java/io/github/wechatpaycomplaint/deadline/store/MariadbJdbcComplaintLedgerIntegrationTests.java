package io.github.wechatpaycomplaint.deadline.store;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.testsupport.Services;
import org.junit.jupiter.api.Tag;

/**
 * The JDBC complaint ledger on the MariaDB server on 127.0.0.1.
 */
@Tag("services")
class MariadbJdbcComplaintLedgerIntegrationTests extends JdbcComplaintLedgerContractSupport {

	@Override
	protected DataSource dataSource() {
		return Services.mariadb();
	}

}
