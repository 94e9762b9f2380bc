package io.github.wechatpaycomplaint.deadline.store;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.testsupport.Services;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC complaint ledger on the PostgreSQL server on 127.0.0.1, and the plan of its
 * scan.
 */
@Tag("services")
class PostgresqlJdbcComplaintLedgerIntegrationTests extends JdbcComplaintLedgerContractSupport {

	@Override
	protected DataSource dataSource() {
		return Services.postgresql();
	}

	@Test
	void theScanReadsTheDueRowsThroughTheNextCheckIndex() {
		assertThat(planOfTheDueScan("ANALYZE ${table}"))
			.anySatisfy((row) -> assertThat(row).contains("Index Scan using " + this.table + "_due"));
	}

}
