package io.github.wechatpaycomplaint.notification.store;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.wechatpaycomplaint.notification.NotificationClaim;
import io.github.wechatpaycomplaint.notification.NotificationClaim.Status;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The store contract against one database, in a table of its own for each test, created
 * with the shipped script, plus what only the JDBC store promises: leases and expiry by
 * the database's clock, a bounded wait, and commits on connections with auto-commit off.
 */
abstract class JdbcStoreContractSupport extends NotificationDeduplicationStoreContractTests {

	private static final Duration LEASE = Duration.ofMinutes(10);

	private JdbcTemplate jdbc;

	private String table;

	protected abstract DataSource dataSource();

	static DataSource dataSource(String url, String user, String password) {
		return new DriverManagerDataSource(url, user, password);
	}

	@BeforeEach
	void createTable() {
		this.jdbc = new JdbcTemplate(dataSource());
		this.table = "wpc_dedup_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
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
		return store(Clock.systemUTC());
	}

	private JdbcNotificationDeduplicationStore store(Clock clock) {
		return new JdbcNotificationDeduplicationStore(this.jdbc, this.table, clock, Duration.ofHours(1));
	}

	private static String newId() {
		return "jdbc-" + UUID.randomUUID();
	}

	@Test
	void instancesWhoseClocksDisagreeHonourEachOthersLeases() {
		JdbcNotificationDeduplicationStore accurate = store(Clock.systemUTC());
		JdbcNotificationDeduplicationStore ahead = store(Clock.offset(Clock.systemUTC(), Duration.ofHours(1)));
		String first = newId();
		assertThat(accurate.claim(first, LEASE).status()).isEqualTo(Status.CLAIMED);
		// An hour ahead, the lease would look over long ago.
		assertThat(ahead.claim(first, LEASE).status()).isEqualTo(Status.IN_PROGRESS);
		String second = newId();
		NotificationClaim claim = ahead.claim(second, LEASE);
		assertThat(accurate.claim(second, LEASE).status()).isEqualTo(Status.IN_PROGRESS);
		// Done for a moment only: an hour behind, it would look remembered for an hour
		// more.
		assertThat(ahead.markDone(claim, Duration.ofMillis(300))).isTrue();
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> accurate.claim(second, LEASE).status() == Status.CLAIMED);
	}

	@Test
	void aClockJumpingForwardDoesNotPurgeLiveRows() {
		MutableClock clock = new MutableClock(Instant.now());
		JdbcNotificationDeduplicationStore store = store(clock);
		String done = newId();
		store.markDone(store.claim(done, LEASE), Duration.ofDays(1));
		String inProgress = newId();
		store.claim(inProgress, LEASE);
		clock.advance(Duration.ofDays(3));
		assertThat(store.purgeExpired()).isZero();
		// A claim purges when the purge interval has passed by the instance's clock,
		// which it has.
		store.claim(newId(), LEASE);
		assertThat(store.claim(done, LEASE).status()).isEqualTo(Status.DUPLICATE);
		assertThat(store.claim(inProgress, LEASE).status()).isEqualTo(Status.IN_PROGRESS);
	}

	@Test
	void expiredRowsArePurgedByTheDatabaseClock() {
		JdbcNotificationDeduplicationStore store = store(Clock.systemUTC());
		store.markDone(store.claim(newId(), LEASE), Duration.ofMillis(1));
		store.claim(newId(), LEASE);
		await().atMost(Duration.ofSeconds(10)).until(() -> store.purgeExpired() == 1);
	}

	@Test
	void withAutoCommitOffEveryOperationIsCommitted() {
		try (HikariDataSource pool = autoCommitOff(dataSource())) {
			JdbcNotificationDeduplicationStore store = new JdbcNotificationDeduplicationStore(new JdbcTemplate(pool),
					this.table, Clock.systemUTC(), Duration.ofHours(1));
			// Another instance, on connections with auto-commit on: it sees committed
			// rows only.
			JdbcNotificationDeduplicationStore other = store(Clock.systemUTC());
			String done = newId();
			NotificationClaim claim = store.claim(done, LEASE);
			assertThat(claim.status()).isEqualTo(Status.CLAIMED);
			assertThat(other.claim(done, LEASE).status()).isEqualTo(Status.IN_PROGRESS);
			assertThat(store.markDone(claim, Duration.ofDays(1))).isTrue();
			assertThat(other.claim(done, LEASE).status()).isEqualTo(Status.DUPLICATE);
			assertThat(store.claim(done, LEASE).status()).isEqualTo(Status.DUPLICATE);
			String released = newId();
			store.release(store.claim(released, LEASE));
			assertThat(other.claim(released, LEASE).status()).isEqualTo(Status.CLAIMED);
			// An expired row is taken over (the insert fails first, then the update must
			// still run and commit).
			String expired = newId();
			store.markDone(store.claim(expired, LEASE), Duration.ofMillis(1));
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> store.claim(expired, LEASE).status() == Status.CLAIMED);
			assertThat(other.claim(expired, LEASE).status()).isEqualTo(Status.IN_PROGRESS);
			String purged = newId();
			store.markDone(store.claim(purged, LEASE), Duration.ofMillis(1));
			await().atMost(Duration.ofSeconds(10)).until(() -> store.purgeExpired() == 1);
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM " + this.table + " WHERE notification_id = ?",
					Integer.class, purged))
				.isZero();
		}
	}

	@Test
	void withAutoCommitOffTheSchemaScriptIsCommitted() {
		String table = this.table + "_ac";
		try (HikariDataSource pool = autoCommitOff(dataSource())) {
			JdbcDeduplicationSchema.initialize(new JdbcTemplate(pool), table);
		}
		try {
			new JdbcNotificationDeduplicationStore(this.jdbc, table, Clock.systemUTC(), Duration.ofHours(1))
				.checkAvailable();
		}
		finally {
			this.jdbc.execute("DROP TABLE IF EXISTS " + table);
		}
	}

	// A pool as spring.datasource.hikari.auto-commit=false makes it: an unfinished
	// transaction is rolled back when
	// its connection goes back to the pool.
	private static HikariDataSource autoCommitOff(DataSource dataSource) {
		HikariDataSource pool = new HikariDataSource();
		pool.setDataSource(dataSource);
		pool.setAutoCommit(false);
		pool.setMaximumPoolSize(2);
		return pool;
	}

	@Test
	void aClaimBlockedByAnotherTransactionFailsWithinTheOperationTimeout() throws Exception {
		JdbcNotificationDeduplicationStore store = new JdbcNotificationDeduplicationStore(this.jdbc, this.table,
				Clock.systemUTC(), Duration.ofHours(1), Duration.ofSeconds(1));
		String id = newId();
		try (Connection locker = dataSource().getConnection()) {
			locker.setAutoCommit(false);
			// An uncommitted row with the same key: the store's insert waits for this
			// transaction.
			try (var insert = locker.prepareStatement("INSERT INTO " + this.table
					+ " (notification_id, claim_token, state, expires_at) VALUES (?, 'other', 'PROCESSING', 0)")) {
				insert.setString(1, id);
				insert.executeUpdate();
			}
			long start = System.nanoTime();
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> store.claim(id, LEASE));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			locker.rollback();
		}
		// The abandoned insert was cancelled by its query timeout, or released once it
		// went through.
		await().atMost(Duration.ofSeconds(10)).until(() -> store.claim(id, LEASE).status() == Status.CLAIMED);
	}

}
