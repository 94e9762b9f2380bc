package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.store.CaffeineNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.store.JdbcDeduplicationSchema;
import io.github.wechatpaycomplaint.notification.store.JdbcNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.store.RedisNotificationDeduplicationStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;

/**
 * Builds the de-duplication store chosen by {@code notification.deduplication.store}. The choice is explicit, not
 * guessed from the classpath, so a store whose library or connection is missing fails at startup with an
 * {@link InvalidComplaintPropertyException} that says what to add. The nested classes touch the optional libraries
 * only once the store is chosen and the library is known to be present.
 */
final class NotificationDeduplicationStoreFactory {

	private static final String PROPERTY = ComplaintProperties.PREFIX + ".notification.deduplication.store";

	private static final String SCRIPTS = "io/github/wechatpaycomplaint/notification/store/";

	private static final Log logger = LogFactory.getLog(NotificationDeduplicationStoreFactory.class);

	private final BeanFactory beanFactory;

	private final Clock clock;

	NotificationDeduplicationStoreFactory(BeanFactory beanFactory, Clock clock) {
		this.beanFactory = beanFactory;
		this.clock = clock;
	}

	NotificationDeduplicationStore create(ComplaintProperties.Notification.Deduplication properties) {
		switch (properties.getStore()) {
			case JDBC:
				requireClass("org.springframework.jdbc.core.JdbcTemplate", "JDBC",
						"spring-jdbc (org.springframework.boot:spring-boot-starter-jdbc, plus a JDBC driver)");
				return Jdbc.create(this.beanFactory, properties.getJdbc(), this.clock,
						properties.getOperationTimeout());
			case REDIS:
				requireClass("org.springframework.data.redis.core.StringRedisTemplate", "REDIS",
						"Spring Data Redis (org.springframework.boot:spring-boot-starter-data-redis)");
				return Redis.create(this.beanFactory, properties.getRedis(), properties.getOperationTimeout());
			default:
				requireClass("com.github.benmanes.caffeine.cache.Caffeine", "MEMORY",
						"Caffeine (com.github.ben-manes.caffeine:caffeine)");
				return new CaffeineNotificationDeduplicationStore(properties.getMemory().getMaximumSize(),
						properties.getTimeToLive());
		}
	}

	private void requireClass(String className, String store, String library) {
		ClassLoader classLoader = (this.beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : getClass().getClassLoader();
		if (!ClassUtils.isPresent(className, classLoader)) {
			throw new InvalidComplaintPropertyException(PROPERTY,
					"the store is " + store + " but " + library + " is not on the classpath",
					"Add " + library + " to the application, or choose another store (MEMORY, JDBC or REDIS).");
		}
	}

	private static final class Jdbc {

		private static final String INITIALIZE_SCHEMA = ComplaintProperties.PREFIX
				+ ".notification.deduplication.jdbc.initialize-schema";

		static NotificationDeduplicationStore create(BeanFactory beanFactory,
				ComplaintProperties.Notification.Deduplication.Jdbc properties, Clock clock,
				Duration operationTimeout) {
			JdbcTemplate jdbc = beanFactory.getBeanProvider(JdbcTemplate.class).getIfUnique();
			if (jdbc == null) {
				DataSource dataSource = beanFactory.getBeanProvider(DataSource.class).getIfUnique();
				if (dataSource == null) {
					throw new InvalidComplaintPropertyException(PROPERTY,
							"the store is JDBC but the application has no (single) DataSource",
							"Configure a DataSource (spring.datasource.url, or a DataSource bean), or choose "
									+ "another store (MEMORY or REDIS).");
				}
				jdbc = new JdbcTemplate(dataSource);
			}
			if (properties.isInitializeSchema()) {
				try {
					JdbcDeduplicationSchema.initialize(jdbc, properties.getTableName());
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidComplaintPropertyException(INITIALIZE_SCHEMA, ex.getMessage(),
							"Create the table yourself (see the scripts in the jar) and set initialize-schema=false.",
							ex);
				}
			}
			JdbcNotificationDeduplicationStore store = new JdbcNotificationDeduplicationStore(jdbc,
					properties.getTableName(), clock, properties.getPurgeInterval(), operationTimeout);
			checkTable(store, properties.getTableName());
			return store;
		}

		/**
		 * Stops startup when the database says the table is missing: otherwise every notification would fail. A
		 * database that cannot be reached now does not stop startup; the health indicator shows it DOWN.
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

	private static final class Redis {

		static NotificationDeduplicationStore create(BeanFactory beanFactory,
				ComplaintProperties.Notification.Deduplication.Redis properties, Duration operationTimeout) {
			StringRedisTemplate redis = beanFactory.getBeanProvider(StringRedisTemplate.class).getIfUnique();
			if (redis == null) {
				RedisConnectionFactory connectionFactory = beanFactory.getBeanProvider(RedisConnectionFactory.class)
					.getIfUnique();
				if (connectionFactory == null) {
					throw new InvalidComplaintPropertyException(PROPERTY,
							"the store is REDIS but the application has no (single) RedisConnectionFactory",
							"Add org.springframework.boot:spring-boot-starter-data-redis and configure "
									+ "spring.data.redis.*, or define a RedisConnectionFactory bean, or choose "
									+ "another store (MEMORY or JDBC).");
				}
				redis = new StringRedisTemplate(connectionFactory);
			}
			RedisNotificationDeduplicationStore store = new RedisNotificationDeduplicationStore(redis,
					properties.getKeyPrefix(), operationTimeout);
			connect(store);
			return store;
		}

		/**
		 * Opens the connection now, so that the first notification does not pay for it within its operation
		 * timeout. Redis not answering now does not stop startup; the health indicator shows it DOWN.
		 */
		private static void connect(RedisNotificationDeduplicationStore store) {
			try {
				store.checkAvailable();
			}
			catch (RuntimeException ex) {
				logger.warn("Redis did not answer the de-duplication store at startup (" + ex.getMessage()
						+ "). Notifications are answered with 500 until it does.");
			}
		}

	}

}
