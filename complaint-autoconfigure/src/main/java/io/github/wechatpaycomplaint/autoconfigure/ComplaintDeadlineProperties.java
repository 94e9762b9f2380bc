package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Duration;

import io.github.wechatpaycomplaint.deadline.DeadlineRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the complaint deadlines, under {@code wechatpay.complaint.deadlines}:
 * the ledger of complaints, the watcher that publishes "due soon" and "overdue" events,
 * and their health and gauges. The defaults are WeChat Pay's published rules.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(ComplaintDeadlineProperties.PREFIX)
@Validated
public class ComplaintDeadlineProperties implements InitializingBean {

	/** Prefix of these properties. */
	public static final String PREFIX = ComplaintProperties.PREFIX + ".deadlines";

	/**
	 * Whether to keep a ledger of the complaints learned from notifications,
	 * reconciliation and the complaint client, and publish events when their first-reply
	 * or resolution deadline is near or past.
	 */
	private boolean enabled = false;

	/**
	 * Time from filing (or reopening) within which the merchant must first reply; WeChat
	 * Pay's rule is 24 hours.
	 */
	@NotNull
	private Duration firstReply = Duration.ofHours(24);

	/**
	 * Time from filing (or reopening) within which the complaint must be resolved; WeChat
	 * Pay's rule is 72 hours.
	 */
	@NotNull
	private Duration resolution = Duration.ofHours(72);

	/**
	 * Lead before the first-reply deadline at which FirstReplyDueSoonEvent is published.
	 */
	@NotNull
	private Duration firstReplyWarning = Duration.ofHours(4);

	/**
	 * Lead before the resolution deadline at which ResolutionDueSoonEvent is published.
	 */
	@NotNull
	private Duration resolutionWarning = Duration.ofHours(12);

	/**
	 * Time between the end of one deadline scan and the start of the next; the first scan
	 * runs when the application starts.
	 */
	@NotNull
	private Duration checkInterval = Duration.ofMinutes(1);

	/**
	 * How many complaints a scan reads from the ledger at a time.
	 */
	@Min(1)
	@Max(100_000)
	private int batchSize = 500;

	/**
	 * How long a completed complaint stays in the ledger after its completion.
	 */
	@NotNull
	private Duration completedRetention = Duration.ofDays(7);

	/**
	 * How long any complaint stays in the ledger after the ledger learned of it; must be
	 * longer than the resolution deadline.
	 */
	@NotNull
	private Duration maxAge = Duration.ofDays(30);

	/**
	 * Whether an overdue complaint makes the wechatpayComplaintDeadlines health DOWN;
	 * otherwise it is UP and lists the overdue complaints.
	 */
	private boolean downWhenOverdue = false;

	/**
	 * Where the ledger is kept: MEMORY (this instance only, rebuilt by reconciliation
	 * after a restart), JDBC or REDIS (shared by every instance, each threshold published
	 * by one of them). Unset, the ledger is kept where the notification de-duplication
	 * records are (wechatpay.complaint.notification.deduplication.store), through the
	 * same JdbcTemplate or RedisConnectionFactory.
	 */
	private @Nullable Store store;

	/**
	 * Longest time one operation of the JDBC or Redis ledger may take, connection
	 * included; recording a complaint from a notification waits for it, so keep it well
	 * under WeChat Pay's timeout of about 5 seconds.
	 */
	@NotNull
	private Duration operationTimeout = Duration.ofSeconds(2);

	@Valid
	private final Jdbc jdbc = new Jdbc();

	@Valid
	private final Redis redis = new Redis();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getFirstReply() {
		return this.firstReply;
	}

	public void setFirstReply(Duration firstReply) {
		this.firstReply = firstReply;
	}

	public Duration getResolution() {
		return this.resolution;
	}

	public void setResolution(Duration resolution) {
		this.resolution = resolution;
	}

	public Duration getFirstReplyWarning() {
		return this.firstReplyWarning;
	}

	public void setFirstReplyWarning(Duration firstReplyWarning) {
		this.firstReplyWarning = firstReplyWarning;
	}

	public Duration getResolutionWarning() {
		return this.resolutionWarning;
	}

	public void setResolutionWarning(Duration resolutionWarning) {
		this.resolutionWarning = resolutionWarning;
	}

	public Duration getCheckInterval() {
		return this.checkInterval;
	}

	public void setCheckInterval(Duration checkInterval) {
		this.checkInterval = checkInterval;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public Duration getCompletedRetention() {
		return this.completedRetention;
	}

	public void setCompletedRetention(Duration completedRetention) {
		this.completedRetention = completedRetention;
	}

	public Duration getMaxAge() {
		return this.maxAge;
	}

	public void setMaxAge(Duration maxAge) {
		this.maxAge = maxAge;
	}

	public boolean isDownWhenOverdue() {
		return this.downWhenOverdue;
	}

	public void setDownWhenOverdue(boolean downWhenOverdue) {
		this.downWhenOverdue = downWhenOverdue;
	}

	public @Nullable Store getStore() {
		return this.store;
	}

	public void setStore(@Nullable Store store) {
		this.store = store;
	}

	public Duration getOperationTimeout() {
		return this.operationTimeout;
	}

	public void setOperationTimeout(Duration operationTimeout) {
		this.operationTimeout = operationTimeout;
	}

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * The rules these properties set.
	 * @return the rules
	 */
	public DeadlineRules toRules() {
		return new DeadlineRules(this.firstReply, this.resolution, this.firstReplyWarning, this.resolutionWarning);
	}

	/**
	 * Refuses durations that bind but cannot work, naming the property and the fix.
	 * @throws InvalidComplaintPropertyException for the first such duration
	 */
	@Override
	public void afterPropertiesSet() {
		ComplaintDurationChecks.checkSigns(this, PREFIX);
		if (this.firstReply == null || this.resolution == null || this.firstReplyWarning == null
				|| this.resolutionWarning == null || this.maxAge == null) {
			// Bean Validation reports missing values.
			return;
		}
		requireShorter(this.firstReplyWarning, "first-reply-warning", this.firstReply, "first-reply");
		requireShorter(this.resolutionWarning, "resolution-warning", this.resolution, "resolution");
		if (this.resolution.compareTo(this.firstReply) < 0) {
			throw new InvalidComplaintPropertyException(PREFIX + ".resolution",
					"it is " + this.resolution + ", shorter than " + PREFIX + ".first-reply (" + this.firstReply + ")",
					"Set it to at least the first-reply deadline; WeChat Pay's rules are 24h and 72h.");
		}
		if (this.maxAge.compareTo(this.resolution) <= 0) {
			throw new InvalidComplaintPropertyException(PREFIX + ".max-age",
					"it is " + this.maxAge + ", not longer than " + PREFIX + ".resolution (" + this.resolution
							+ "): open complaints would be forgotten before their resolution deadline",
					"Set it well above the resolution deadline, e.g. the default 30d.");
		}
	}

	private static void requireShorter(Duration warning, String warningName, Duration deadline, String deadlineName) {
		if (warning.compareTo(deadline) >= 0) {
			throw new InvalidComplaintPropertyException(PREFIX + "." + warningName,
					"it is " + warning + ", not shorter than " + PREFIX + "." + deadlineName + " (" + deadline
							+ "): the warning would come when the clock starts",
					"Set it shorter than the deadline, e.g. 4h before a 24h first reply or 12h before a 72h "
							+ "resolution.");
		}
	}

	/**
	 * The ledger stores.
	 */
	public enum Store {

		/** This instance's memory. */
		MEMORY,

		/** One table through the application's JdbcTemplate or DataSource. */
		JDBC,

		/** Redis through the application's RedisConnectionFactory. */
		REDIS

	}

	/**
	 * The JDBC ledger.
	 */
	public static class Jdbc {

		/**
		 * Name of the ledger table, a plain SQL identifier.
		 */
		@NotNull
		@Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]{0,47}",
				message = "must be a plain SQL identifier (letters, digits, underscores; at most 48 characters)")
		private String tableName = "wechatpay_complaint_ledger";

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
	 * The Redis ledger.
	 */
	public static class Redis {

		/**
		 * Prefix of every key of the ledger. Keep the part in braces (a Redis Cluster
		 * hash tag): the ledger's scripts touch several keys at once, which Redis Cluster
		 * allows only within one hash slot.
		 */
		@NotBlank
		private String keyPrefix = "{wechatpay:complaint:ledger}:";

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

	}

}
