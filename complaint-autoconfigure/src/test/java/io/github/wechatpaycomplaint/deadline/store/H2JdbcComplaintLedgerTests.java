package io.github.wechatpaycomplaint.deadline.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.deadline.ComplaintFact.Filed;
import io.github.wechatpaycomplaint.deadline.ComplaintFact.MerchantReplied;
import io.github.wechatpaycomplaint.deadline.ComplaintRef;
import io.github.wechatpaycomplaint.deadline.Threshold;
import io.github.wechatpaycomplaint.notification.store.DeduplicationStoreUnavailableException;
import io.github.wechatpaycomplaint.testsupport.HangingDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The JDBC complaint ledger on H2 in memory: the contract and the shared scenarios, a
 * database that hangs, and writers that never stop colliding.
 */
class H2JdbcComplaintLedgerTests extends JdbcComplaintLedgerContractSupport {

	private static final DataSource H2 = new DriverManagerDataSource("jdbc:h2:mem:ledger-contract;DB_CLOSE_DELAY=-1",
			"sa", "");

	@Override
	protected DataSource dataSource() {
		return H2;
	}

	@Test
	void everyOperationFailsWithinTheOperationTimeoutWhenTheDatabaseHangs() {
		HangingDataSource hanging = new HangingDataSource();
		JdbcComplaintLedger ledger = new JdbcComplaintLedger(new JdbcTemplate(hanging.dataSource()), this.table, RULES,
				this.clock, Duration.ofMillis(300));
		ComplaintRef ref = ref("a", 1);
		List<Consumer<JdbcComplaintLedger>> operations = List.of((each) -> each.record(ref, new Filed(FILED)),
				(each) -> each.find("a", "20000001"), (each) -> each.dueForCheck(FILED, 10),
				(each) -> each.markPublished(ref, 1, Threshold.FIRST_REPLY_DUE_SOON), JdbcComplaintLedger::open,
				(each) -> each.summaries(FILED, RULES), (each) -> each.mostUrgent(RULES, 10),
				(each) -> each.purge(Duration.ofDays(7), Duration.ofDays(30)), JdbcComplaintLedger::realign,
				JdbcComplaintLedger::checkAvailable);
		for (Consumer<JdbcComplaintLedger> operation : operations) {
			assertTimeoutPreemptively(Duration.ofSeconds(5),
					() -> assertThatExceptionOfType(DeduplicationStoreUnavailableException.class)
						.isThrownBy(() -> operation.accept(ledger))
						.withMessageContaining("did not answer within 300 ms"));
		}
		assertThat(hanging.interrupted()).isPositive();
	}

	@Test
	void aWriterThatLosesEveryCompareAndSetGivesUpWithAClearException() {
		ComplaintRef ref = ref("a", 1);
		this.ledger.record(ref, new Filed(FILED));
		AtomicInteger collisions = new AtomicInteger();
		// Another writer changes the row between each read and each write.
		DataSource colliding = beforeEachUpdate(H2, () -> {
			collisions.incrementAndGet();
			this.jdbc.update("UPDATE " + this.table + " SET version = version + 1");
		});
		JdbcComplaintLedger ledger = new JdbcComplaintLedger(new JdbcTemplate(colliding), this.table, RULES, this.clock,
				Duration.ofSeconds(5));
		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> ledger.record(ref, new MerchantReplied(FILED.plusSeconds(60))))
			.withMessage("Complaint 20000001 of merchant 'a' was changed by another writer before each of 16 "
					+ "attempts to write it in the complaint ledger table '" + this.table + "'");
		assertThat(collisions).hasValue(JdbcComplaintLedger.MAX_ATTEMPTS);
		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> ledger.markPublished(ref, 1, Threshold.FIRST_REPLY_DUE_SOON));
		assertThat(this.ledger.find("a", "20000001").orElseThrow().firstReplyAt()).isNull();
		assertThat(this.ledger.find("a", "20000001").orElseThrow().published()).isEmpty();
	}

	private static DataSource beforeEachUpdate(DataSource target, Runnable action) {
		return (DataSource) Proxy.newProxyInstance(H2JdbcComplaintLedgerTests.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, arguments) -> {
					Object result = invoke(target, method, arguments);
					if (result instanceof Connection connection) {
						return Proxy.newProxyInstance(H2JdbcComplaintLedgerTests.class.getClassLoader(),
								new Class<?>[] { Connection.class }, (connectionProxy, call, callArguments) -> {
									if (call.getName().startsWith("prepare") && callArguments != null
											&& callArguments[0] instanceof String sql && sql.startsWith("UPDATE")) {
										action.run();
									}
									return invoke(connection, call, callArguments);
								});
					}
					return result;
				});
	}

	private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
		try {
			return method.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
