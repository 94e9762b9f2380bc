package io.github.wechatpaycomplaint.notification.inbox;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.testsupport.Services;
import org.junit.jupiter.api.Tag;

/**
 * The JDBC inbox on the MariaDB server on 127.0.0.1.
 */
@Tag("services")
class MariadbJdbcNotificationInboxIntegrationTests extends JdbcInboxServerContractSupport {

	@Override
	protected DataSource dataSource() {
		return Services.mariadb();
	}

}
