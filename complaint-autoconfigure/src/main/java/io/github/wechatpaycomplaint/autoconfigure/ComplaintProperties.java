package io.github.wechatpaycomplaint.autoconfigure;

import java.net.URI;
import java.time.Duration;

import io.github.wechatpaycomplaint.client.WechatPayEndpoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the WeChat Pay complaint starter, under {@code wechatpay.complaint}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(ComplaintProperties.PREFIX)
@Validated
public class ComplaintProperties implements InitializingBean {

	/** Prefix of every property of the starter. */
	public static final String PREFIX = "wechatpay.complaint";

	/**
	 * Whether to enable the WeChat Pay complaint starter.
	 */
	private boolean enabled = true;

	@Valid
	private final Merchant merchant = new Merchant();

	@Valid
	private final WechatpayPublicKey wechatpayPublicKey = new WechatpayPublicKey();

	@Valid
	private final PlatformCertificates platformCertificates = new PlatformCertificates();

	@Valid
	private final Client client = new Client();

	@Valid
	private final Notification notification = new Notification();

	@Valid
	private final Reconciliation reconciliation = new Reconciliation();

	@Valid
	private final Health health = new Health();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Merchant getMerchant() {
		return this.merchant;
	}

	public WechatpayPublicKey getWechatpayPublicKey() {
		return this.wechatpayPublicKey;
	}

	public PlatformCertificates getPlatformCertificates() {
		return this.platformCertificates;
	}

	public Client getClient() {
		return this.client;
	}

	public Reconciliation getReconciliation() {
		return this.reconciliation;
	}

	public Notification getNotification() {
		return this.notification;
	}

	public Health getHealth() {
		return this.health;
	}

	/**
	 * Refuses durations that bind but cannot work, naming the property and the fix.
	 * @throws InvalidComplaintPropertyException for the first such duration
	 */
	@Override
	public void afterPropertiesSet() {
		ComplaintDurationChecks.check(this);
	}

	/**
	 * The merchant (or service provider) whose keys sign requests and decrypt notifications.
	 */
	public static class Merchant {

		/**
		 * Merchant id (mchid) of the merchant or service provider.
		 */
		@NotBlank(message = "must be set to the merchant id (mchid), e.g. \"1900000001\"")
		private @Nullable String id;

		/**
		 * Serial number of the merchant API certificate (商户API证书序列号), shown in the merchant platform.
		 */
		@NotBlank(message = "must be set to the serial number of the merchant API certificate")
		private @Nullable String certificateSerialNumber;

		/**
		 * Merchant API private key (apiclient_key.pem): a resource location such as
		 * 'file:/etc/wechatpay/apiclient_key.pem' or 'classpath:apiclient_key.pem', or the PEM text itself (PKCS#8
		 * or PKCS#1).
		 */
		@NotBlank(message = "must be set to the merchant API private key: a resource such as file:/path/apiclient_key.pem, or the PEM text")
		private @Nullable String privateKey;

		/**
		 * Merchant API certificate (apiclient_cert.pem), optional: a resource location such as
		 * 'file:/etc/wechatpay/apiclient_cert.pem' or 'classpath:apiclient_cert.pem', or the PEM text itself. When
		 * set, startup checks that its serial is certificate-serial-number and that it holds the private key's public
		 * key.
		 */
		private @Nullable String certificate;

		/**
		 * APIv3 key set in the merchant platform (exactly 32 bytes); decrypts notifications and platform
		 * certificates.
		 */
		@NotBlank(message = "must be set to the 32-byte APIv3 key from the merchant platform")
		private @Nullable String apiV3Key;

		public @Nullable String getId() {
			return this.id;
		}

		public void setId(@Nullable String id) {
			this.id = id;
		}

		public @Nullable String getCertificateSerialNumber() {
			return this.certificateSerialNumber;
		}

		public void setCertificateSerialNumber(@Nullable String certificateSerialNumber) {
			this.certificateSerialNumber = certificateSerialNumber;
		}

		public @Nullable String getPrivateKey() {
			return this.privateKey;
		}

		public void setPrivateKey(@Nullable String privateKey) {
			this.privateKey = privateKey;
		}

		public @Nullable String getCertificate() {
			return this.certificate;
		}

		public void setCertificate(@Nullable String certificate) {
			this.certificate = certificate;
		}

		public @Nullable String getApiV3Key() {
			return this.apiV3Key;
		}

		public void setApiV3Key(@Nullable String apiV3Key) {
			this.apiV3Key = apiV3Key;
		}

		@Override
		public String toString() {
			return "Merchant[id=" + this.id + ", certificateSerialNumber=" + this.certificateSerialNumber
					+ ", privateKey=******, apiV3Key=******]";
		}

	}

	/**
	 * The WeChat Pay public key (public-key mode, 微信支付公钥).
	 */
	public static class WechatpayPublicKey {

		/**
		 * Id of the WeChat Pay public key, e.g. 'PUB_KEY_ID_0114232134912410000000000000'. Sent as Wechatpay-Serial
		 * on every request.
		 */
		private @Nullable String id;

		/**
		 * WeChat Pay public key (pub_key.pem): a resource location such as 'classpath:pub_key.pem', or the PEM text
		 * itself.
		 */
		private @Nullable String key;

		public @Nullable String getId() {
			return this.id;
		}

		public void setId(@Nullable String id) {
			this.id = id;
		}

		public @Nullable String getKey() {
			return this.key;
		}

		public void setKey(@Nullable String key) {
			this.key = key;
		}

	}

	/**
	 * WeChat Pay platform certificates (certificate mode, 平台证书).
	 */
	public static class PlatformCertificates {

		/**
		 * Whether to download WeChat Pay platform certificates and verify signatures with them. Needed by merchants
		 * that have not moved to the WeChat Pay public key, and during the migration.
		 */
		private boolean enabled = false;

		/**
		 * Time between scheduled downloads of the platform certificates.
		 */
		@NotNull
		private Duration refreshInterval = Duration.ofHours(12);

		/**
		 * Minimum time between downloads triggered by a signature from an unknown certificate serial.
		 */
		@NotNull
		private Duration unknownSerialRefreshInterval = Duration.ofMinutes(1);

		/**
		 * CA certificate that downloaded platform certificates must be issued by: a resource location such as
		 * 'classpath:test-ca.pem' or 'file:/etc/wechatpay/ca.pem', or the PEM text itself. Unset: the built-in
		 * Tenpay.com Root CA. Set it for a simulator or tests, or if WeChat Pay changes its root CA.
		 */
		private @Nullable String trustAnchor;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getRefreshInterval() {
			return this.refreshInterval;
		}

		public void setRefreshInterval(Duration refreshInterval) {
			this.refreshInterval = refreshInterval;
		}

		public Duration getUnknownSerialRefreshInterval() {
			return this.unknownSerialRefreshInterval;
		}

		public void setUnknownSerialRefreshInterval(Duration unknownSerialRefreshInterval) {
			this.unknownSerialRefreshInterval = unknownSerialRefreshInterval;
		}

		public @Nullable String getTrustAnchor() {
			return this.trustAnchor;
		}

		public void setTrustAnchor(@Nullable String trustAnchor) {
			this.trustAnchor = trustAnchor;
		}

	}

	/**
	 * The signed RestClient that calls WeChat Pay.
	 */
	public static class Client {

		/**
		 * WeChat Pay host to call: MAINLAND (api.mch.weixin.qq.com), MAINLAND_BACKUP (api2.mch.weixin.qq.com) or
		 * HONG_KONG (apihk.mch.weixin.qq.com, with the /v3/global paths).
		 */
		@NotNull
		private WechatPayEndpoint endpoint = WechatPayEndpoint.MAINLAND;

		/**
		 * Base URI that overrides the endpoint's host, e.g. a simulator or a forward proxy. The endpoint still
		 * decides between mainland and Hong Kong paths.
		 */
		private @Nullable URI baseUri;

		/**
		 * Whether to allow plain http:// in base-uri and failover.backup-base-uri, for a local simulator or test
		 * stand-in only: anyone on the network path can read and change such traffic. Logged as a warning at startup.
		 */
		private boolean allowInsecureHttp = false;

		/**
		 * Connect timeout of calls to WeChat Pay.
		 */
		@NotNull
		private Duration connectTimeout = Duration.ofSeconds(5);

		/**
		 * Read timeout of calls to WeChat Pay.
		 */
		@NotNull
		private Duration readTimeout = Duration.ofSeconds(10);

		/**
		 * Largest difference allowed between an answer's Wechatpay-Timestamp and the local clock, in either
		 * direction.
		 */
		@NotNull
		private Duration maxClockSkew = Duration.ofMinutes(5);

		@Valid
		private final Failover failover = new Failover();

		@Valid
		private final Retry retry = new Retry();

		@Valid
		private final RateLimit rateLimit = new RateLimit();

		public Failover getFailover() {
			return this.failover;
		}

		public Retry getRetry() {
			return this.retry;
		}

		public RateLimit getRateLimit() {
			return this.rateLimit;
		}

		public WechatPayEndpoint getEndpoint() {
			return this.endpoint;
		}

		public void setEndpoint(WechatPayEndpoint endpoint) {
			this.endpoint = endpoint;
		}

		public @Nullable URI getBaseUri() {
			return this.baseUri;
		}

		public void setBaseUri(@Nullable URI baseUri) {
			this.baseUri = baseUri;
		}

		public boolean isAllowInsecureHttp() {
			return this.allowInsecureHttp;
		}

		public void setAllowInsecureHttp(boolean allowInsecureHttp) {
			this.allowInsecureHttp = allowInsecureHttp;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		public Duration getMaxClockSkew() {
			return this.maxClockSkew;
		}

		public void setMaxClockSkew(Duration maxClockSkew) {
			this.maxClockSkew = maxClockSkew;
		}

		/**
		 * The URI requests go to.
		 * @return the base URI override, or the endpoint's host
		 */
		public URI resolveBaseUri() {
			return (this.baseUri != null) ? this.baseUri : this.endpoint.getBaseUri();
		}

		/**
		 * The host to fail over to.
		 * @return the named backup, else api2 when calling api directly, else {@code null}
		 */
		public @Nullable URI resolveFailoverBaseUri() {
			if (!this.failover.isEnabled()) {
				return null;
			}
			if (this.failover.getBackupBaseUri() != null) {
				return this.failover.getBackupBaseUri();
			}
			return (this.baseUri == null && this.endpoint == WechatPayEndpoint.MAINLAND)
					? WechatPayEndpoint.MAINLAND_BACKUP.getBaseUri() : null;
		}

	}

	/**
	 * Failover to WeChat Pay's backup host.
	 */
	public static class Failover {

		/**
		 * Whether to send a request once to the backup host when the main host cannot be reached (DNS failure,
		 * refused connection, connect timeout; for reads also a timeout after sending).
		 */
		private boolean enabled = true;

		/**
		 * Backup host. Defaults to https://api2.mch.weixin.qq.com when the endpoint is MAINLAND and no base-uri is
		 * set; name one to fail over elsewhere (e.g. from Hong Kong to a mainland host, or in tests).
		 */
		private @Nullable URI backupBaseUri;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable URI getBackupBaseUri() {
			return this.backupBaseUri;
		}

		public void setBackupBaseUri(@Nullable URI backupBaseUri) {
			this.backupBaseUri = backupBaseUri;
		}

	}

	/**
	 * Retries of failed calls. Reads are retried on connection failures, 5xx and 429 answers; writes only when the
	 * request provably never reached WeChat Pay.
	 */
	public static class Retry {

		/**
		 * Attempts in all, the first included; 1 disables retries.
		 */
		@jakarta.validation.constraints.Min(1)
		@jakarta.validation.constraints.Max(10)
		private int maxAttempts = 3;

		/**
		 * Delay before the first retry; doubled for each further retry, with jitter.
		 */
		@NotNull
		private Duration initialBackoff = Duration.ofMillis(200);

		/**
		 * Longest delay between attempts. An answer whose Retry-After asks for more is handed over without retry.
		 */
		@NotNull
		private Duration maxBackoff = Duration.ofSeconds(10);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

	}

	/**
	 * Client-side limits that keep each merchant under WeChat Pay's quotas.
	 */
	public static class RateLimit {

		/**
		 * Whether to limit the rate of complaint API calls per merchant.
		 */
		private boolean enabled = true;

		/**
		 * Where the limiter keeps its state: MEMORY (one instance) or REDIS (shared by every instance; needs
		 * spring-boot-starter-data-redis with Lettuce and com.bucket4j:bucket4j_jdk17-lettuce).
		 */
		@NotNull
		private RateLimitStore store = RateLimitStore.MEMORY;

		/**
		 * Longest time a call waits for a permit; a call whose permit cannot come within it fails at once with
		 * RateLimitExceededException.
		 */
		@NotNull
		private Duration maxWait = Duration.ofSeconds(10);

		/**
		 * Prefix of the Redis keys of the shared limiter.
		 */
		@NotBlank
		private String redisKeyPrefix = "wechatpay:complaint:rate-limit:";

		/**
		 * Longest time a call waits for Redis, to connect or to take a permit, before it falls back to this
		 * instance's own limits.
		 */
		@NotNull
		private Duration redisTimeout = Duration.ofSeconds(1);

		/**
		 * How long calls use this instance's own limits after Redis failed before Redis is tried again.
		 */
		@NotNull
		private Duration redisRetryInterval = Duration.ofSeconds(10);

		@Valid
		private final Quota list = new Quota(200);

		@Valid
		private final Quota feedback = new Quota(60);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public RateLimitStore getStore() {
			return this.store;
		}

		public void setStore(RateLimitStore store) {
			this.store = store;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

		public String getRedisKeyPrefix() {
			return this.redisKeyPrefix;
		}

		public void setRedisKeyPrefix(String redisKeyPrefix) {
			this.redisKeyPrefix = redisKeyPrefix;
		}

		public Duration getRedisTimeout() {
			return this.redisTimeout;
		}

		public void setRedisTimeout(Duration redisTimeout) {
			this.redisTimeout = redisTimeout;
		}

		public Duration getRedisRetryInterval() {
			return this.redisRetryInterval;
		}

		public void setRedisRetryInterval(Duration redisRetryInterval) {
			this.redisRetryInterval = redisRetryInterval;
		}

		/**
		 * Quota of the complaint list API (WeChat Pay: 200 calls a minute).
		 * @return the quota
		 */
		public Quota getList() {
			return this.list;
		}

		/**
		 * Quota of every other complaint API call (WeChat Pay: 60 calls a minute).
		 * @return the quota
		 */
		public Quota getFeedback() {
			return this.feedback;
		}

	}

	/**
	 * At most {@code permits} calls in any window of {@code period}, spread evenly.
	 */
	public static class Quota {

		/**
		 * Calls allowed per period.
		 */
		@jakarta.validation.constraints.Min(1)
		private int permits;

		/**
		 * Length of the period.
		 */
		@NotNull
		private Duration period = Duration.ofMinutes(1);

		Quota(int permits) {
			this.permits = permits;
		}

		public int getPermits() {
			return this.permits;
		}

		public void setPermits(int permits) {
			this.permits = permits;
		}

		public Duration getPeriod() {
			return this.period;
		}

		public void setPeriod(Duration period) {
			this.period = period;
		}

	}

	/**
	 * Where the rate limiter keeps its state.
	 */
	public enum RateLimitStore {

		/** In this JVM: right for a single instance. */
		MEMORY,

		/** In Redis, shared by every instance of the application. */
		REDIS

	}


	/**
	 * The endpoint that receives complaint notifications from WeChat Pay.
	 */
	public static class Notification {

		/**
		 * Whether to register the notification endpoint (servlet web applications only).
		 */
		private boolean enabled = true;

		/**
		 * Path of the notification endpoint; register the matching HTTPS URL with WeChat Pay.
		 */
		@NotBlank
		@Pattern(regexp = "/.*", message = "must start with '/'")
		private String path = "/wechatpay/complaint-notifications";

		/**
		 * Largest difference allowed between a notification's Wechatpay-Timestamp and the local clock, in either
		 * direction. A captured notification is refused once it is older than this.
		 */
		@NotNull
		private Duration maxClockSkew = Duration.ofMinutes(5);

		/**
		 * Largest notification body accepted. Real notifications are under 2 KB.
		 */
		@NotNull
		private DataSize maxBodySize = DataSize.ofKilobytes(16);

		@Valid
		private final Deduplication deduplication = new Deduplication();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public Duration getMaxClockSkew() {
			return this.maxClockSkew;
		}

		public void setMaxClockSkew(Duration maxClockSkew) {
			this.maxClockSkew = maxClockSkew;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

		public Deduplication getDeduplication() {
			return this.deduplication;
		}

		/**
		 * De-duplication of notifications by id, so that each produces one event although WeChat Pay resends it.
		 */
		public static class Deduplication {

			/**
			 * Where handled notification ids are kept: MEMORY (this instance only), JDBC or REDIS (shared by every
			 * instance).
			 */
			@NotNull
			private Store store = Store.MEMORY;

			/**
			 * How long a handled notification id is remembered. Longer than WeChat Pay's retry period: one of its
			 * pages documents retries over 24 hours 4 minutes, another over up to one week, so the default covers
			 * the week plus a day of margin.
			 */
			@NotNull
			private Duration timeToLive = Duration.ofDays(8);

			/**
			 * How long a claim on a notification id holds while listeners run. After it (for example when the
			 * instance died) a new delivery is handled again, so it must exceed the slowest listener run.
			 */
			@NotNull
			private Duration processingLease = Duration.ofMinutes(5);

			/**
			 * Longest time a notification waits for one operation of the JDBC or Redis store, connection included.
			 * When it passes the endpoint answers 500 at once and WeChat Pay delivers the notification again; keep it
			 * well under WeChat Pay's own timeout of about 5 seconds.
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
				 * Whether to create the table at startup when it does not exist, with the script for the database
				 * shipped in the jar (PostgreSQL, MySQL, MariaDB, H2).
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

		}

		/**
		 * Public HTTPS URL at which WeChat Pay reaches the notification endpoint (no query string), e.g.
		 * https://pay.example.com/wechatpay/complaint-notifications. Used by register-on-startup.
		 */
		private @Nullable String publicUrl;

		/**
		 * Whether to register public-url with WeChat Pay once the application is ready: create it when none is
		 * registered, update it when another URL is, and leave it alone when it is the same.
		 */
		private boolean registerOnStartup;

		/**
		 * Whether a failed registration stops the application. When false, it is logged and the application runs.
		 */
		private boolean failOnRegistrationError;

		public @Nullable String getPublicUrl() {
			return this.publicUrl;
		}

		public void setPublicUrl(@Nullable String publicUrl) {
			this.publicUrl = publicUrl;
		}

		public boolean isRegisterOnStartup() {
			return this.registerOnStartup;
		}

		public void setRegisterOnStartup(boolean registerOnStartup) {
			this.registerOnStartup = registerOnStartup;
		}

		public boolean isFailOnRegistrationError() {
			return this.failOnRegistrationError;
		}

		public void setFailOnRegistrationError(boolean failOnRegistrationError) {
			this.failOnRegistrationError = failOnRegistrationError;
		}

	}

	/**
	 * The Actuator health indicator (when Actuator is present).
	 */
	public static class Health {

		/**
		 * Show a warning in the health details when the newest platform certificate expires within this.
		 */
		@NotNull
		private Duration certificateExpiryWarning = Duration.ofDays(7);

		public Duration getCertificateExpiryWarning() {
			return this.certificateExpiryWarning;
		}

		public void setCertificateExpiryWarning(Duration certificateExpiryWarning) {
			this.certificateExpiryWarning = certificateExpiryWarning;
		}

	}

	/**
	 * The reconciliation job that finds complaints whose notification was lost.
	 */
	public static class Reconciliation {

		/**
		 * Whether to list recent complaints on a schedule and publish a ComplaintReconciledEvent for every complaint
		 * state not reported before.
		 */
		private boolean enabled = false;

		/**
		 * Time between the end of one run and the start of the next.
		 */
		@NotNull
		private Duration interval = Duration.ofMinutes(10);

		/**
		 * Delay between the application's start and the first run.
		 */
		@NotNull
		private Duration initialDelay = Duration.ofMinutes(1);

		/**
		 * Days of complaints to list, by filing date, today (China time) included.
		 */
		@jakarta.validation.constraints.Min(1)
		@jakarta.validation.constraints.Max(90)
		private int lookBackDays = 7;

		/**
		 * How long the run lock and a complaint state being published hold if the instance dies meanwhile.
		 */
		@NotNull
		private Duration lockLease = Duration.ofMinutes(10);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public int getLookBackDays() {
			return this.lookBackDays;
		}

		public void setLookBackDays(int lookBackDays) {
			this.lookBackDays = lookBackDays;
		}

		public Duration getLockLease() {
			return this.lockLease;
		}

		public void setLockLease(Duration lockLease) {
			this.lockLease = lockLease;
		}

	}

}
