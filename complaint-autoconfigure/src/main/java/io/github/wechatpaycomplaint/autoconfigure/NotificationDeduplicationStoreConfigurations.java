package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.store.CaffeineNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.store.JdbcDeduplicationSchema;
import io.github.wechatpaycomplaint.notification.store.JdbcNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.store.RedisNotificationDeduplicationStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The de-duplication store chosen by
 * {@code wechatpay.complaint.notification.deduplication.store}, shared by the
 * notification endpoint and the reconciliation job (imported by both, registered once).
 * The choice is explicit, not guessed from the classpath: one configuration per store and
 * library state, so a store whose library or connection is missing fails at startup with
 * an {@link InvalidComplaintPropertyException} that says what to add. Every store backs
 * off when the application defines its own {@link NotificationDeduplicationStore}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationDeduplicationProperties.class)
@Import({ NotificationDeduplicationStoreConfigurations.Memory.class,
		NotificationDeduplicationStoreConfigurations.MemoryLibraryMissing.class,
		NotificationDeduplicationStoreConfigurations.Jdbc.class,
		NotificationDeduplicationStoreConfigurations.JdbcLibraryMissing.class,
		NotificationDeduplicationStoreConfigurations.Redis.class,
		NotificationDeduplicationStoreConfigurations.RedisLibraryMissing.class })
class NotificationDeduplicationStoreConfigurations {

	static final String STORE = NotificationDeduplicationProperties.PREFIX + ".store";

	private static final String CAFFEINE = "com.github.benmanes.caffeine.cache.Caffeine";

	private static final String JDBC_TEMPLATE = "org.springframework.jdbc.core.JdbcTemplate";

	private static final String STRING_REDIS_TEMPLATE = "org.springframework.data.redis.core.StringRedisTemplate";

	private static final Log logger = LogFactory.getLog(NotificationDeduplicationStoreConfigurations.class);

	static InvalidComplaintPropertyException libraryMissing(String store, String library) {
		return new InvalidComplaintPropertyException(STORE,
				"the store is " + store + " but " + library + " is not on the classpath",
				"Add " + library + " to the application, or choose another store (MEMORY, JDBC or REDIS).");
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = CAFFEINE)
	@ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
	static class Memory {

		@Bean
		@ConditionalOnMissingBean(NotificationDeduplicationStore.class)
		NotificationDeduplicationStore complaintNotificationDeduplicationStore(
				NotificationDeduplicationProperties properties) {
			return new CaffeineNotificationDeduplicationStore(properties.getMemory().getMaximumSize(),
					properties.getTimeToLive());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(CAFFEINE)
	@ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
	static class MemoryLibraryMissing {

		@Bean
		@ConditionalOnMissingBean(NotificationDeduplicationStore.class)
		NotificationDeduplicationStore complaintNotificationDeduplicationStore() {
			throw libraryMissing("MEMORY", "Caffeine (com.github.ben-manes.caffeine:caffeine)");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = JDBC_TEMPLATE)
	@ConditionalOnProperty(name = STORE, havingValue = "jdbc")
	static class Jdbc {

		private static final String SCRIPTS = "io/github/wechatpaycomplaint/notification/store/";

		private static final String INITIALIZE_SCHEMA = NotificationDeduplicationProperties.PREFIX
				+ ".jdbc.initialize-schema";

		@Bean
		@ConditionalOnMissingBean(NotificationDeduplicationStore.class)
		NotificationDeduplicationStore complaintNotificationDeduplicationStore(
				NotificationDeduplicationProperties properties, ObjectProvider<JdbcTemplate> jdbcTemplate,
				ObjectProvider<DataSource> dataSource, ObjectProvider<Clock> clock) {
			JdbcTemplate jdbc = ApplicationJdbc.template(jdbcTemplate, dataSource, STORE, "the store",
					"choose another store (MEMORY or REDIS)");
			NotificationDeduplicationProperties.Jdbc table = properties.getJdbc();
			if (table.isInitializeSchema()) {
				ApplicationJdbc.initializeSchema(() -> JdbcDeduplicationSchema.initialize(jdbc, table.getTableName()),
						INITIALIZE_SCHEMA);
			}
			JdbcNotificationDeduplicationStore store = new JdbcNotificationDeduplicationStore(jdbc,
					table.getTableName(), clock.getIfUnique(Clock::systemUTC), table.getPurgeInterval(),
					properties.getOperationTimeout());
			checkTable(store, table.getTableName());
			return store;
		}

		/**
		 * Stops startup when the database says the table is missing: otherwise every
		 * notification would fail. A database that cannot be reached now does not stop
		 * startup; the health indicator shows it DOWN.
		 */
		private static void checkTable(JdbcNotificationDeduplicationStore store, String table) {
			try {
				store.checkAvailable();
			}
			catch (BadSqlGrammarException ex) {
				throw new InvalidComplaintPropertyException(INITIALIZE_SCHEMA,
						"the de-duplication table '" + table + "' does not exist or cannot be read ("
								+ ex.getMostSpecificCause().getMessage() + ")",
						"Set " + INITIALIZE_SCHEMA + "=true to create it at startup, or create it with the script "
								+ "for your database in the starter's jar, replacing ${table} with '" + table + "': "
								+ "classpath:" + SCRIPTS + "schema-postgresql.sql, classpath:" + SCRIPTS
								+ "schema-mysql.sql (MySQL, MariaDB) or classpath:" + SCRIPTS + "schema-h2.sql.",
						ex);
			}
			catch (RuntimeException ex) {
				logger.warn("The de-duplication table '" + table + "' could not be checked at startup: the database "
						+ "did not answer (" + ex.getMessage() + "). Notifications are answered with 500 until it "
						+ "does.");
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(JDBC_TEMPLATE)
	@ConditionalOnProperty(name = STORE, havingValue = "jdbc")
	static class JdbcLibraryMissing {

		@Bean
		@ConditionalOnMissingBean(NotificationDeduplicationStore.class)
		NotificationDeduplicationStore complaintNotificationDeduplicationStore() {
			throw libraryMissing("JDBC",
					"spring-jdbc (org.springframework.boot:spring-boot-starter-jdbc, plus a JDBC driver)");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = STRING_REDIS_TEMPLATE)
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	static class Redis {

		@Bean
		@ConditionalOnMissingBean(NotificationDeduplicationStore.class)
		NotificationDeduplicationStore complaintNotificationDeduplicationStore(
				NotificationDeduplicationProperties properties, ObjectProvider<StringRedisTemplate> redisTemplate,
				ObjectProvider<RedisConnectionFactory> connectionFactory) {
			StringRedisTemplate redis = ApplicationRedis.template(redisTemplate, connectionFactory, STORE, "the store",
					"choose another store (MEMORY or JDBC)");
			RedisNotificationDeduplicationStore store = new RedisNotificationDeduplicationStore(redis,
					properties.getRedis().getKeyPrefix(), properties.getOperationTimeout());
			ApplicationRedis.connect(store::checkAvailable, "the de-duplication store");
			return store;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(STRING_REDIS_TEMPLATE)
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	static class RedisLibraryMissing {

		@Bean
		@ConditionalOnMissingBean(NotificationDeduplicationStore.class)
		NotificationDeduplicationStore complaintNotificationDeduplicationStore() {
			throw libraryMissing("REDIS",
					"Spring Data Redis (org.springframework.boot:spring-boot-starter-data-redis)");
		}

	}

}
