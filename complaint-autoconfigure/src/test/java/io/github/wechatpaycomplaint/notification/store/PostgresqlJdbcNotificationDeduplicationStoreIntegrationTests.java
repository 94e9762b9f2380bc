package io.github.wechatpaycomplaint.notification.store;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.testsupport.Services;
import org.junit.jupiter.api.Tag;

/**
 * The store contract for the JDBC store on the PostgreSQL server on 127.0.0.1.
 */
@Tag("services")
class PostgresqlJdbcNotificationDeduplicationStoreIntegrationTests extends JdbcStoreContractSupport {

	@Override
	protected DataSource dataSource() {
		return Services.postgresql();
	}

}
