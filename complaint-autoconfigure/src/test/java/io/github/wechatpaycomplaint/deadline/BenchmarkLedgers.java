package io.github.wechatpaycomplaint.deadline;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.deadline.store.JdbcComplaintLedger;
import io.github.wechatpaycomplaint.deadline.store.RedisComplaintLedger;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.NotificationThroughputBenchmark;
import io.github.wechatpaycomplaint.notification.store.JdbcDeduplicationSchema;
import io.github.wechatpaycomplaint.notification.store.JdbcNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.store.RedisNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.testsupport.Services;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledgers {@link ComplaintDeadlinesBenchmark} measures, each with the de-duplication
 * store of the same kind (an application shares both or neither): {@code memory},
 * {@code postgresql}, {@code mariadb} (the servers on 127.0.0.1, as in the services
 * profile) and {@code redis}. The shared ones use tables and keys of their own, dropped
 * before and after each part.
 */
final class BenchmarkLedgers {

	// Names of this run's own, so that two benchmark runs at once do not drop each
	// other's tables or keys.
	private static final long RUN = ProcessHandle.current().pid();

	private static final String LEDGER_TABLE = "bench_complaint_ledger_" + RUN;

	private static final String DEDUPLICATION_TABLE = "bench_complaint_notification_" + RUN;

	private static final String LEDGER_PREFIX = "{bench:complaint:ledger:" + RUN + "}:";

	private static final String DEDUPLICATION_PREFIX = "bench:complaint:notification:" + RUN + ":";

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static LettuceConnectionFactory redisFactory;

	private BenchmarkLedgers() {
	}

	static ComplaintLedger create(String store, DeadlineRules rules, Clock clock) {
		clear(store);
		return switch (store) {
			case "memory" -> new MemoryComplaintLedger(rules, clock);
			case "postgresql", "mariadb" -> {
				JdbcTemplate jdbc = jdbc(store);
				JdbcComplaintLedger.initializeSchema(jdbc, LEDGER_TABLE);
				yield new JdbcComplaintLedger(jdbc, LEDGER_TABLE, rules, clock, TIMEOUT);
			}
			case "redis" -> new RedisComplaintLedger(redis(), LEDGER_PREFIX, rules, clock, TIMEOUT);
			default -> throw new IllegalArgumentException(
					"Unknown ledger store " + store + "; try memory, postgresql, mariadb or redis");
		};
	}

	/**
	 * A de-duplication store of the kind; handlers that see the same notifications take
	 * different names.
	 */
	static NotificationDeduplicationStore deduplicationStore(String store, String name) {
		return switch (store) {
			case "memory" -> NotificationThroughputBenchmark.warmStore();
			case "postgresql", "mariadb" -> {
				JdbcTemplate jdbc = jdbc(store);
				JdbcDeduplicationSchema.initialize(jdbc, DEDUPLICATION_TABLE + "_" + name);
				yield new JdbcNotificationDeduplicationStore(jdbc, DEDUPLICATION_TABLE + "_" + name, Clock.systemUTC(),
						Duration.ofHours(1), TIMEOUT);
			}
			case "redis" ->
				new RedisNotificationDeduplicationStore(redis(), DEDUPLICATION_PREFIX + name + ":", TIMEOUT);
			default -> throw new IllegalArgumentException("Unknown store " + store);
		};
	}

	/**
	 * Removes what a part left in the store, so that the next starts empty.
	 */
	static void clear(String store) {
		switch (store) {
			case "postgresql", "mariadb" -> {
				JdbcTemplate jdbc = jdbc(store);
				jdbc.execute("DROP TABLE IF EXISTS " + LEDGER_TABLE);
				for (String name : new String[] { "without", "with" }) {
					jdbc.execute("DROP TABLE IF EXISTS " + DEDUPLICATION_TABLE + "_" + name);
				}
			}
			case "redis" -> {
				StringRedisTemplate redis = redis();
				for (String prefix : new String[] { LEDGER_PREFIX, DEDUPLICATION_PREFIX }) {
					Set<String> keys = redis.keys(prefix + "*");
					if (keys != null && !keys.isEmpty()) {
						redis.delete(keys);
					}
				}
			}
			default -> {
			}
		}
	}

	static void closeAll() {
		if (redisFactory != null) {
			redisFactory.destroy();
		}
	}

	private static JdbcTemplate jdbc(String store) {
		DataSource dataSource = store.equals("postgresql") ? Services.postgresql() : Services.mariadb();
		return new JdbcTemplate(dataSource);
	}

	private static StringRedisTemplate redis() {
		if (redisFactory == null) {
			redisFactory = Services.redis();
		}
		return new StringRedisTemplate(redisFactory);
	}

}
