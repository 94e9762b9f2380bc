package io.github.wechatpaycomplaint.autoconfigure;

import java.net.URI;
import java.time.Duration;

import io.github.wechatpaycomplaint.client.WechatPayEndpoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the signed RestClient that calls WeChat Pay, under
 * {@code wechatpay.complaint.client}: host, timeouts, failover, retries and rate limits.
 *
 * <p>
 * Over 400 lines only because every key needs a field with its description, a getter and
 * a setter; the groups (failover, retry, rate limit) stay nested so that the
 * configuration processor documents them under this prefix.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(ComplaintClientProperties.PREFIX)
@Validated
public class ComplaintClientProperties implements InitializingBean {

	/** Prefix of the client's properties. */
	public static final String PREFIX = ComplaintProperties.PREFIX + ".client";

	/**
	 * WeChat Pay host to call: MAINLAND (api.mch.weixin.qq.com), MAINLAND_BACKUP
	 * (api2.mch.weixin.qq.com) or HONG_KONG (apihk.mch.weixin.qq.com, with the /v3/global
	 * paths).
	 */
	@NotNull
	private WechatPayEndpoint endpoint = WechatPayEndpoint.MAINLAND;

	/**
	 * Base URI that overrides the endpoint's host, e.g. a simulator or a forward proxy.
	 * The endpoint still decides between mainland and Hong Kong paths.
	 */
	private @Nullable URI baseUri;

	/**
	 * Whether to allow plain http:// in base-uri and failover.backup-base-uri, for a
	 * local simulator or test stand-in only: anyone on the network path can read and
	 * change such traffic. Logged as a warning at startup.
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
	 * Largest difference allowed between an answer's Wechatpay-Timestamp and the local
	 * clock, in either direction.
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

	/**
	 * Refuses durations that bind but cannot work, naming the property and the fix.
	 * @throws InvalidComplaintPropertyException for the first such duration
	 */
	@Override
	public void afterPropertiesSet() {
		ComplaintDurationChecks.checkSigns(this, PREFIX);
		// Here rather than where the client is built: an application's own
		// WechatPayRestClientFactory still sends to
		// these hosts.
		ClientBaseUriCheck.check(this);
	}

	/**
	 * Failover to WeChat Pay's backup host.
	 */
	public static class Failover {

		/**
		 * Whether to send a request once to the backup host when the main host cannot be
		 * reached (DNS failure, refused connection, connect timeout; for reads also a
		 * timeout after sending).
		 */
		private boolean enabled = true;

		/**
		 * Backup host. Defaults to https://api2.mch.weixin.qq.com when the endpoint is
		 * MAINLAND and no base-uri is set; name one to fail over elsewhere (e.g. from
		 * Hong Kong to a mainland host, or in tests).
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
	 * Retries of failed calls. Reads are retried on connection failures, 5xx and 429
	 * answers; writes only when the request provably never reached WeChat Pay.
	 */
	public static class Retry {

		/**
		 * Attempts in all, the first included; 1 disables retries.
		 */
		@Min(1)
		@Max(10)
		private int maxAttempts = 3;

		/**
		 * Delay before the first retry; doubled for each further retry, with jitter.
		 */
		@NotNull
		private Duration initialBackoff = Duration.ofMillis(200);

		/**
		 * Longest delay between attempts. An answer whose Retry-After asks for more is
		 * handed over without retry.
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
		 * Where the limiter keeps its state: MEMORY (one instance) or REDIS (shared by
		 * every instance; needs spring-boot-starter-data-redis with Lettuce and
		 * com.bucket4j:bucket4j_jdk17-lettuce).
		 */
		@NotNull
		private Store store = Store.MEMORY;

		/**
		 * Longest time a call waits for a permit; a call whose permit cannot come within
		 * it fails at once with RateLimitExceededException.
		 */
		@NotNull
		private Duration maxWait = Duration.ofSeconds(10);

		/**
		 * Prefix of the Redis keys of the shared limiter.
		 */
		@NotBlank
		private String redisKeyPrefix = "wechatpay:complaint:rate-limit:";

		/**
		 * Longest time a call waits for Redis, to connect or to take a permit, before it
		 * falls back to this instance's own limits.
		 */
		@NotNull
		private Duration redisTimeout = Duration.ofSeconds(1);

		/**
		 * How long calls use this instance's own limits after Redis failed before Redis
		 * is tried again.
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

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
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

		/**
		 * Where the rate limiter keeps its state.
		 */
		public enum Store {

			/** In this JVM: right for a single instance. */
			MEMORY,

			/** In Redis, shared by every instance of the application. */
			REDIS

		}

	}

	/**
	 * At most {@code permits} calls in any window of {@code period}, spread evenly.
	 */
	public static class Quota {

		/**
		 * Calls allowed per period.
		 */
		@Min(1)
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

}
