package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.notification.inbox.FailedNotifications;
import io.github.wechatpaycomplaint.notification.inbox.InboxPassObserver;
import io.github.wechatpaycomplaint.notification.inbox.InboxRetryPolicy;
import io.github.wechatpaycomplaint.notification.inbox.InboxWorker;
import io.github.wechatpaycomplaint.notification.inbox.JdbcNotificationInbox;
import io.github.wechatpaycomplaint.notification.inbox.MemoryNotificationInbox;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;
import io.github.wechatpaycomplaint.notification.inbox.RedisNotificationInbox;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Durable processing ({@code wechatpay.complaint.notification.processing=durable}): the
 * inbox chosen by {@code wechatpay.complaint.notification.inbox.store} (memory, JDBC or
 * Redis), its workers, and the operations on parked notifications. As with the
 * de-duplication stores, the choice is explicit and a missing library or connection fails
 * at startup naming the fix; every bean backs off for the application's own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = NotificationInboxConfigurations.PROCESSING, havingValue = "durable")
@EnableConfigurationProperties(NotificationInboxProperties.class)
@Import({ NotificationInboxConfigurations.Memory.class, NotificationInboxConfigurations.Jdbc.class,
		NotificationInboxConfigurations.JdbcLibraryMissing.class, NotificationInboxConfigurations.Redis.class,
		NotificationInboxConfigurations.RedisLibraryMissing.class })
class NotificationInboxConfigurations {

	static final String PROCESSING = ComplaintNotificationProperties.PREFIX + ".processing";

	static final String STORE = NotificationInboxProperties.PREFIX + ".store";

	private static final String JDBC_TEMPLATE = "org.springframework.jdbc.core.JdbcTemplate";

	private static final String STRING_REDIS_TEMPLATE = "org.springframework.data.redis.core.StringRedisTemplate";

	private static final Log logger = LogFactory.getLog(NotificationInboxConfigurations.class);

	@Bean
	@ConditionalOnMissingBean
	InboxWorker complaintNotificationInboxWorker(NotificationInboxProperties properties,
			ComplaintNotificationProperties notification, NotificationInbox inbox, ApplicationEventPublisher publisher,
			ObjectProvider<Clock> clock, ObjectProvider<InboxPassObserver> passObservers) {
		ComplaintDurationChecks.checkInboxRetention(notification, properties);
		NotificationInboxProperties.Retry retry = properties.getRetry();
		// The properties checked each value with its own hint when they were bound.
		InboxRetryPolicy policy = new InboxRetryPolicy(retry.getInitialDelay(), retry.getMultiplier(),
				retry.getMaxDelay(), retry.getJitter(), retry.getMaxAttempts(), retry.getMaxAge());
		return new InboxWorker(inbox, publisher, policy,
				new InboxWorker.Settings(properties.getPollInterval(), properties.getBatchSize(),
						properties.getConcurrency(), properties.getLease(), properties.getShutdownTimeout(),
						properties.getRetention(), properties.getPurgeInterval()),
				clock.getIfUnique(Clock::systemUTC), passObserver(passObservers.orderedStream().toList()));
	}

	// Every observer (the inbox metrics, the application's own) hears of each pass.
	private static InboxPassObserver passObserver(List<InboxPassObserver> observers) {
		return switch (observers.size()) {
			case 0 -> InboxPassObserver.NONE;
			case 1 -> observers.get(0);
			default -> (merchantName, outcome, duration) -> observers
				.forEach((observer) -> observer.passFinished(merchantName, outcome, duration));
		};
	}

	@Bean
	@ConditionalOnMissingBean
	FailedNotifications complaintFailedNotifications(NotificationInbox inbox) {
		return new FailedNotifications(inbox);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
	static class Memory {

		@Bean
		@ConditionalOnMissingBean(NotificationInbox.class)
		NotificationInbox complaintNotificationInbox(ObjectProvider<Clock> clock) {
			logger.warn("Durable complaint notification processing uses the MEMORY inbox, which is not durable: "
					+ "notifications recorded but not yet published are lost when this instance stops, and other "
					+ "instances do not share them. Set " + STORE + "=jdbc or redis outside development.");
			return new MemoryNotificationInbox(clock.getIfUnique(Clock::systemUTC));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = JDBC_TEMPLATE)
	@ConditionalOnProperty(name = STORE, havingValue = "jdbc")
	static class Jdbc {

		private static final String INITIALIZE_SCHEMA = NotificationInboxProperties.PREFIX + ".jdbc.initialize-schema";

		@Bean
		@ConditionalOnMissingBean(NotificationInbox.class)
		NotificationInbox complaintNotificationInbox(NotificationInboxProperties properties,
				ObjectProvider<JdbcTemplate> jdbcTemplate, ObjectProvider<DataSource> dataSource,
				ObjectProvider<Clock> clock) {
			JdbcTemplate jdbc = ApplicationJdbc.template(jdbcTemplate, dataSource, STORE, "the inbox",
					"choose the MEMORY inbox for development");
			NotificationInboxProperties.Jdbc table = properties.getJdbc();
			if (table.isInitializeSchema()) {
				ApplicationJdbc.initializeSchema(
						() -> JdbcNotificationInbox.initializeSchema(jdbc, table.getTableName()), INITIALIZE_SCHEMA);
			}
			JdbcNotificationInbox inbox = new JdbcNotificationInbox(jdbc, table.getTableName(),
					clock.getIfUnique(Clock::systemUTC), properties.getOperationTimeout());
			checkTable(inbox, table.getTableName());
			return inbox;
		}

		/**
		 * Stops startup when the database says the table is missing; a database that
		 * cannot be reached now does not.
		 */
		private static void checkTable(JdbcNotificationInbox inbox, String table) {
			try {
				inbox.checkAvailable();
				warnOnStatementBasedReplication(inbox);
			}
			catch (BadSqlGrammarException ex) {
				throw ApplicationJdbc.missingTable("inbox", table, JdbcNotificationInbox.SCRIPT_DIRECTORY,
						INITIALIZE_SCHEMA, ex);
			}
			catch (RuntimeException ex) {
				logger.warn("The inbox table '" + table + "' could not be checked at startup: the database did not "
						+ "answer (" + ex.getMessage() + "). Notifications are answered with 500 until it does.");
			}
		}

		private static void warnOnStatementBasedReplication(JdbcNotificationInbox inbox) {
			if (inbox.logsStatementsForReplication()) {
				logger.warn("The database logs the inbox's statements with binlog_format=STATEMENT: claims "
						+ "(SELECT ... FOR UPDATE SKIP LOCKED) are not safe for statement-based replication, and a "
						+ "replica may see other entries claimed than the source. Set binlog_format=ROW (or MIXED).");
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(JDBC_TEMPLATE)
	@ConditionalOnProperty(name = STORE, havingValue = "jdbc")
	static class JdbcLibraryMissing {

		@Bean
		@ConditionalOnMissingBean(NotificationInbox.class)
		NotificationInbox complaintNotificationInbox() {
			throw new InvalidComplaintPropertyException(STORE,
					"the inbox is JDBC but spring-jdbc is not on the classpath",
					"Add org.springframework.boot:spring-boot-starter-jdbc and a JDBC driver to the application.");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = STRING_REDIS_TEMPLATE)
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	static class Redis {

		@Bean
		@ConditionalOnMissingBean(NotificationInbox.class)
		NotificationInbox complaintNotificationInbox(NotificationInboxProperties properties,
				ObjectProvider<StringRedisTemplate> redisTemplate,
				ObjectProvider<RedisConnectionFactory> connectionFactory, ObjectProvider<Clock> clock) {
			StringRedisTemplate redis = ApplicationRedis.template(redisTemplate, connectionFactory, STORE, "the inbox",
					"choose the MEMORY inbox for development");
			RedisClusterKeyPrefixCheck.check(redis.getConnectionFactory(), properties.getRedis().getKeyPrefix(),
					NotificationInboxProperties.PREFIX + ".redis.key-prefix");
			RedisNotificationInbox inbox = new RedisNotificationInbox(redis, properties.getRedis().getKeyPrefix(),
					clock.getIfUnique(Clock::systemUTC), properties.getOperationTimeout());
			ApplicationRedis.connect(inbox::checkAvailable, "the inbox");
			warnOfDurabilityRisks(inbox);
			return inbox;
		}

		/**
		 * Warns when Redis is set up to lose entries; a Redis that cannot be read now (or
		 * refuses INFO, as some managed ones do) is not checked.
		 */
		private static void warnOfDurabilityRisks(RedisNotificationInbox inbox) {
			try {
				for (String risk : inbox.durabilityRisks()) {
					logger.warn("The Redis inbox may lose notifications: " + risk);
				}
			}
			catch (RuntimeException ex) {
				logger.debug("Could not read how Redis persists and evicts: " + ex);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(STRING_REDIS_TEMPLATE)
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	static class RedisLibraryMissing {

		@Bean
		@ConditionalOnMissingBean(NotificationInbox.class)
		NotificationInbox complaintNotificationInbox() {
			throw new InvalidComplaintPropertyException(STORE,
					"the inbox is REDIS but Spring Data Redis is not on the classpath",
					"Add org.springframework.boot:spring-boot-starter-data-redis to the application.");
		}

	}

}
