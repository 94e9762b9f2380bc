package io.github.wechatpaycomplaint.notification.inbox;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The inbox contract for the JDBC inbox on H2 in memory.
 */
class H2JdbcNotificationInboxTests extends JdbcInboxContractSupport {

	private static final DataSource H2 = new DriverManagerDataSource("jdbc:h2:mem:inbox-contract;DB_CLOSE_DELAY=-1",
			"sa", "");

	@Override
	protected DataSource dataSource() {
		return H2;
	}

}
