package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the inbox of durable processing
 * ({@code wechatpay.complaint.notification.processing=durable}), under
 * {@code wechatpay.complaint.notification.inbox}: where notifications are recorded, and
 * how the workers publish them.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(NotificationInboxProperties.PREFIX)
@Validated
public class NotificationInboxProperties implements InitializingBean {

	/** Prefix of the inbox properties. */
	public static final String PREFIX = ComplaintNotificationProperties.PREFIX + ".inbox";

	/**
	 * Where notifications are recorded: MEMORY (this instance only, lost on restart; for
	 * development), JDBC (one table shared by every instance) or REDIS (Redis shared by
	 * every instance, which must persist with AOF and never evict keys).
	 */
	@NotNull
	private Store store = Store.MEMORY;

	/**
	 * Time between two polls for due notifications when the last poll found fewer than it
	 * asked for; while there are more, each worker that frees up polls again.
	 */
	@NotNull
	private Duration pollInterval = Duration.ofSeconds(1);

	/**
	 * Most notifications claimed per poll.
	 */
	@Min(1)
	private int batchSize = 20;

	/**
	 * Most listener passes at once on this instance, each for a different complaint.
	 */
	@Min(1)
	private int concurrency = 4;

	/**
	 * How long a claim on a notification holds. A pass still running is renewed every
	 * third of it; once it runs out unrenewed (the instance died, say) the notification
	 * is due again on any instance.
	 */
	@NotNull
	private Duration lease = Duration.ofMinutes(5);

	/**
	 * Longest time a notification request waits to be recorded, connection included. When
	 * it passes the endpoint answers 500 at once and WeChat Pay delivers the notification
	 * again; at most 4s, under WeChat Pay's own timeout of about 5 seconds.
	 */
	@NotNull
	private Duration operationTimeout = Duration.ofSeconds(2);

	/**
	 * How long stopping the application waits for the listener passes under way; a pass
	 * cut short is due again once its lease runs out.
	 */
	@NotNull
	private Duration shutdownTimeout = Duration.ofSeconds(30);

	/**
	 * How long published notifications are kept, and so recognised as duplicates when
	 * WeChat Pay delivers them again; a delivery after it is published again. At least
	 * twice notification.max-clock-skew plus the lease; keep it longer than WeChat Pay's
	 * retry period (at most 2 hours in its current docs, up to a week in older ones).
	 */
	@NotNull
	private Duration retention = Duration.ofDays(8);

	/**
	 * Least time between two deletions of published notifications older than the
	 * retention.
	 */
	@NotNull
	private Duration purgeInterval = Duration.ofHours(1);

	@Valid
	private final Retry retry = new Retry();

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

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public int getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(int concurrency) {
		this.concurrency = concurrency;
	}

	public Duration getLease() {
		return this.lease;
	}

	public void setLease(Duration lease) {
		this.lease = lease;
	}

	public Duration getOperationTimeout() {
		return this.operationTimeout;
	}

	public void setOperationTimeout(Duration operationTimeout) {
		this.operationTimeout = operationTimeout;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public Duration getPurgeInterval() {
		return this.purgeInterval;
	}

	public void setPurgeInterval(Duration purgeInterval) {
		this.purgeInterval = purgeInterval;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * The inbox stores.
	 */
	public enum Store {

		/** In this instance's memory: not durable, for development only. */
		MEMORY,

		/** One table through the application's JdbcTemplate or DataSource. */
		JDBC,

		/**
		 * Redis through the application's StringRedisTemplate or RedisConnectionFactory;
		 * it must persist with AOF and use maxmemory-policy noeviction.
		 */
		REDIS

	}

	/**
	 * Retries of a failed listener pass, and when a notification is parked as failed.
	 */
	public static class Retry {

		/**
		 * Delay after the first failed pass.
		 */
		@NotNull
		private Duration initialDelay = Duration.ofSeconds(10);

		/**
		 * Factor each further failure multiplies the delay by, at least 1.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest delay between two passes.
		 */
		@NotNull
		private Duration maxDelay = Duration.ofHours(1);

		/**
		 * Share of each delay drawn at random, from 0 (none) up to but not including 1,
		 * so that notifications that failed together are not retried together; the rest
		 * of the delay is always waited.
		 */
		private double jitter = 0.5;

		/**
		 * Most listener passes per notification; after the last failed one it is parked
		 * as failed until replayed.
		 */
		@Min(1)
		private int maxAttempts = 10;

		/**
		 * Longest time from a notification's first listener pass (after recording or
		 * replay) it is retried; after the first failure past it, it is parked as failed
		 * until replayed. Time spent waiting behind other notifications does not count.
		 */
		@NotNull
		private Duration maxAge = Duration.ofDays(1);

		void check() {
			String prefix = PREFIX + ".retry.";
			if (this.initialDelay != null && this.maxDelay != null && this.maxDelay.compareTo(this.initialDelay) < 0) {
				throw new InvalidComplaintPropertyException(prefix + "max-delay", "it is " + this.maxDelay
						+ ", shorter than " + prefix + "initial-delay (" + this.initialDelay + ")",
						"Set max-delay to at least initial-delay.");
			}
			if (!(this.multiplier >= 1)) {
				throw new InvalidComplaintPropertyException(prefix + "multiplier",
						"it is " + this.multiplier + ", below 1: the delays would shrink",
						"Set it to 1 (the same delay every time) or more, such as the default 2.");
			}
			if (!(this.jitter >= 0 && this.jitter < 1)) {
				throw new InvalidComplaintPropertyException(prefix + "jitter", "it is " + this.jitter
						+ ", outside 0 (inclusive) to 1 (exclusive): at 1 a delay could be " + "drawn as nothing",
						"Set a share from 0 up to 0.9, such as the default 0.5.");
			}
		}

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

	}

	/**
	 * The JDBC inbox.
	 */
	public static class Jdbc {

		/**
		 * Name of the table, a plain SQL identifier.
		 */
		@NotNull
		@Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]{0,47}",
				message = "must be a plain SQL identifier (letters, digits, underscores; at most 48 characters)")
		private String tableName = "wechatpay_complaint_inbox";

		/**
		 * Whether to create the table at startup when it does not exist, with the script
		 * for the database shipped in the jar (PostgreSQL, MySQL, MariaDB, H2).
		 */
		private boolean initializeSchema = false;

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

	}

	/**
	 * The Redis inbox.
	 */
	public static class Redis {

		/**
		 * Prefix of every key of the inbox. Keep a hash tag ({...}) in it: on Redis
		 * Cluster each operation is one Lua script over several keys, which must share a
		 * slot.
		 */
		@NotBlank
		private String keyPrefix = "{wechatpay:complaint:inbox}:";

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
		if (this.operationTimeout != null && this.operationTimeout.compareTo(MAX_OPERATION_TIMEOUT) > 0) {
			throw new InvalidComplaintPropertyException(PREFIX + ".operation-timeout",
					"it is " + this.operationTimeout + ", not under WeChat Pay's own timeout of about 5 seconds: "
							+ "WeChat Pay would give up on the request before the endpoint answers",
					"Set it to at most 4s (the default 2s suits a database on the same network).");
		}
		this.retry.check();
	}

	/** The longest operation timeout, under WeChat Pay's own of about 5 seconds. */
	static final Duration MAX_OPERATION_TIMEOUT = Duration.ofSeconds(4);

}
