package io.github.wechatpaycomplaint.notification.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The store contract against one database, in a table of its own for each test, created with the shipped script.
 */
abstract class JdbcStoreContractSupport extends NotificationDeduplicationStoreContractTests {

	private JdbcTemplate jdbc;

	private String table;

	protected abstract DataSource dataSource();

	static DataSource dataSource(String url, String user, String password) {
		return new DriverManagerDataSource(url, user, password);
	}

	@BeforeEach
	void createTable() {
		this.jdbc = new JdbcTemplate(dataSource());
		this.table = "wpc_dedup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
			.toLowerCase(Locale.ROOT);
		JdbcDeduplicationSchema.initialize(this.jdbc, this.table);
		// Applying the script again is harmless.
		JdbcDeduplicationSchema.initialize(this.jdbc, this.table);
	}

	@AfterEach
	void dropTable() {
		this.jdbc.execute("DROP TABLE " + this.table);
	}

	@Override
	protected NotificationDeduplicationStore store() {
		return new JdbcNotificationDeduplicationStore(this.jdbc, this.table, Clock.systemUTC(), Duration.ofHours(1));
	}

}
