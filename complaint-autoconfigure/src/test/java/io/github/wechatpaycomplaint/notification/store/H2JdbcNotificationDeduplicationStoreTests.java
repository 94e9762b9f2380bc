package io.github.wechatpaycomplaint.notification.store;

import javax.sql.DataSource;

/**
 * The store contract for the JDBC store on H2.
 */
class H2JdbcNotificationDeduplicationStoreTests extends JdbcStoreContractSupport {

	private static final DataSource DATA_SOURCE = dataSource("jdbc:h2:mem:dedup-contract;DB_CLOSE_DELAY=-1", "sa", "");

	@Override
	protected DataSource dataSource() {
		return DATA_SOURCE;
	}

}
