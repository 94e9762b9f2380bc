package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the de-duplication of notifications by id, under
 * {@code wechatpay.complaint.notification.deduplication}, so that each produces one event
 * although WeChat Pay resends it. Shared by the notification endpoint and the
 * reconciliation job.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(NotificationDeduplicationProperties.PREFIX)
@Validated
public class NotificationDeduplicationProperties implements InitializingBean {

	/** Prefix of the de-duplication properties. */
	public static final String PREFIX = ComplaintNotificationProperties.PREFIX + ".deduplication";

	/**
	 * Where handled notification ids are kept: MEMORY (this instance only), JDBC or REDIS
	 * (shared by every instance).
	 */
	@NotNull
	private Store store = Store.MEMORY;

	/**
	 * How long a handled notification id is remembered. Longer than WeChat Pay's retry
	 * period: one of its pages documents retries over 24 hours 4 minutes, another over up
	 * to one week, so the default covers the week plus a day of margin.
	 */
	@NotNull
	private Duration timeToLive = Duration.ofDays(8);

	/**
	 * How long a claim on a notification id holds while listeners run. After it (for
	 * example when the instance died) a new delivery is handled again, so it must exceed
	 * the slowest listener run.
	 */
	@NotNull
	private Duration processingLease = Duration.ofMinutes(5);

	/**
	 * Longest time a notification waits for one operation of the JDBC or Redis store,
	 * connection included. When it passes the endpoint answers 500 at once and WeChat Pay
	 * delivers the notification again; keep it well under WeChat Pay's own timeout of
	 * about 5 seconds.
	 */
	@NotNull
	private Duration operationTimeout = Duration.ofSeconds(2);

	@Valid
	private final Memory memory = new Memory();

	@Valid
	private final Jdbc jdbc = new Jdbc();

	@Valid
	private final Redis redis = new Redis();

	public Store getStore() {
		return this.store;
	}

	public void setStore(Store store) {
		this.store = store;
	}

	public Duration getTimeToLive() {
		return this.timeToLive;
	}

	public void setTimeToLive(Duration timeToLive) {
		this.timeToLive = timeToLive;
	}

	public Duration getProcessingLease() {
		return this.processingLease;
	}

	public void setProcessingLease(Duration processingLease) {
		this.processingLease = processingLease;
	}

	public Duration getOperationTimeout() {
		return this.operationTimeout;
	}

	public void setOperationTimeout(Duration operationTimeout) {
		this.operationTimeout = operationTimeout;
	}

	public Memory getMemory() {
		return this.memory;
	}

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * The de-duplication stores.
	 */
	public enum Store {

		/** A bounded Caffeine cache in this instance. */
		MEMORY,

		/** One table through the application's JdbcTemplate or DataSource. */
		JDBC,

		/** Redis through the application's RedisConnectionFactory. */
		REDIS

	}

	/**
	 * The in-memory store.
	 */
	public static class Memory {

		/**
		 * Most handled notification ids kept in memory; ids whose listeners are still
		 * running come on top and are never dropped.
		 */
		@Positive
		private long maximumSize = 100_000;

		public long getMaximumSize() {
			return this.maximumSize;
		}

		public void setMaximumSize(long maximumSize) {
			this.maximumSize = maximumSize;
		}

	}

	/**
	 * The JDBC store.
	 */
	public static class Jdbc {

		/**
		 * Name of the table, a plain SQL identifier.
		 */
		@NotNull
		@Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]{0,47}",
				message = "must be a plain SQL identifier (letters, digits, underscores; at most 48 characters)")
		private String tableName = "wechatpay_complaint_notification";

		/**
		 * Whether to create the table at startup when it does not exist, with the script
		 * for the database shipped in the jar (PostgreSQL, MySQL, MariaDB, H2).
		 */
		private boolean initializeSchema = false;

		/**
		 * Least time between two deletions of expired rows.
		 */
		@NotNull
		private Duration purgeInterval = Duration.ofHours(1);

		public String getTableName() {
			return this.tableName;
		}

		public void setTableName(String tableName) {
			this.tableName = tableName;
		}

		public boolean isInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(boolean initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		public Duration getPurgeInterval() {
			return this.purgeInterval;
		}

		public void setPurgeInterval(Duration purgeInterval) {
			this.purgeInterval = purgeInterval;
		}

	}

	/**
	 * The Redis store.
	 */
	public static class Redis {

		/**
		 * Prefix of every key; one key per notification id.
		 */
		@NotBlank
		private String keyPrefix = "wechatpay:complaint:notification:";

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

	}

	/**
	 * Refuses durations that bind but cannot work, naming the property and the fix.
	 * @throws InvalidComplaintPropertyException for the first such duration
	 */
	@Override
	public void afterPropertiesSet() {
		ComplaintDurationChecks.checkSigns(this, PREFIX);
	}

}
