package io.github.wechatpaycomplaint.notification.inbox;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.notification.store.DeduplicationStoreUnavailableException;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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

	@Test
	void healthMetricsAndTheEndpointGiveUpWithinTheOperationTimeoutWhenNoConnectionComes() {
		// A pool that waits for a connection (HikariCP: 30 s by default) must not hold up
		// a health check, a scrape or an operator for that long.
		JdbcNotificationInbox inbox = new JdbcNotificationInbox(
				new JdbcTemplate(noConnectionFor(Duration.ofSeconds(30))), this.table, this.clock,
				Duration.ofMillis(300));
		List<Consumer<NotificationInbox>> operations = List.of(NotificationInbox::backlog, (each) -> each.failed(10),
				(each) -> each.replay("default", "n-1"), NotificationInbox::replayAll,
				(each) -> each.discard("default", "n-1"));
		for (Consumer<NotificationInbox> operation : operations) {
			assertTimeoutPreemptively(Duration.ofSeconds(3),
					() -> assertThatExceptionOfType(DeduplicationStoreUnavailableException.class)
						.isThrownBy(() -> operation.accept(inbox)));
		}
	}

	private static DataSource noConnectionFor(Duration wait) {
		return (DataSource) Proxy.newProxyInstance(H2JdbcNotificationInboxTests.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("getConnection")) {
						try {
							Thread.sleep(wait.toMillis());
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
						throw new SQLException("No connection available");
					}
					return method.invoke(H2, arguments);
				});
	}

}
