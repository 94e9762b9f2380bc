package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the endpoint that receives complaint notifications from WeChat Pay,
 * under {@code wechatpay.complaint.notification}. De-duplication
 * ({@link NotificationDeduplicationProperties}) and the registration of the URL with
 * WeChat Pay ({@link NotificationRegistrationProperties}) have their own classes.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(ComplaintNotificationProperties.PREFIX)
@Validated
public class ComplaintNotificationProperties implements InitializingBean {

	/** Prefix of the notification endpoint's properties. */
	public static final String PREFIX = ComplaintProperties.PREFIX + ".notification";

	/**
	 * Whether to register the notification endpoint (web applications only: Spring MVC or
	 * WebFlux).
	 */
	private boolean enabled = true;

	/**
	 * Path of the notification endpoint; register the matching HTTPS URL with WeChat Pay.
	 */
	@NotBlank
	@Pattern(regexp = "/.*", message = "must start with '/'")
	private String path = "/wechatpay/complaint-notifications";

	/**
	 * Largest difference allowed between a notification's Wechatpay-Timestamp and the
	 * local clock, in either direction. A captured notification is refused once it is
	 * older than this.
	 */
	@NotNull
	private Duration maxClockSkew = Duration.ofMinutes(5);

	/**
	 * Largest notification body accepted. Real notifications are under 2 KB.
	 */
	@NotNull
	private DataSize maxBodySize = DataSize.ofKilobytes(16);

	/**
	 * When listeners run: IN_REQUEST (inside the notification request, whose answer waits
	 * for them) or DURABLE (after the notification is recorded in the inbox and answered;
	 * see wechatpay.complaint.notification.inbox).
	 */
	@NotNull
	private Processing processing = Processing.IN_REQUEST;

	/**
	 * The endpoint of a WebFlux application.
	 */
	@Valid
	private final Reactive reactive = new Reactive();

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

	public Processing getProcessing() {
		return this.processing;
	}

	public void setProcessing(Processing processing) {
		this.processing = processing;
	}

	public Reactive getReactive() {
		return this.reactive;
	}

	/**
	 * When listeners run.
	 */
	public enum Processing {

		/** Inside the notification request: its answer waits for every listener. */
		IN_REQUEST,

		/**
		 * After the notification is recorded in the inbox and answered: workers publish
		 * it, with retries, in order per complaint.
		 */
		DURABLE

	}

	/**
	 * The endpoint of a WebFlux application: how long a body may take to arrive, and the
	 * threads, of the endpoint's own, that verify notifications and run the listeners. On
	 * Spring MVC the servlet container's threads and read timeout apply instead.
	 */
	public static class Reactive {

		/**
		 * WebFlux only: longest time to read a notification body; a body still incomplete
		 * then is answered 400 MALFORMED_NOTIFICATION (WeChat Pay's bodies arrive at
		 * once).
		 */
		@NotNull
		private Duration bodyReadTimeout = Duration.ofSeconds(10);

		/**
		 * WebFlux only: most threads that verify notifications and run the listeners at
		 * once, on a scheduler of the endpoint's own.
		 */
		@Min(1)
		private int threads = 20;

		/**
		 * WebFlux only: most notifications waiting per busy thread; past them a
		 * notification is answered 503 ENDPOINT_BUSY at once, and WeChat Pay delivers it
		 * again.
		 */
		@Min(1)
		private int queuedPerThread = 50;

		public Duration getBodyReadTimeout() {
			return this.bodyReadTimeout;
		}

		public void setBodyReadTimeout(Duration bodyReadTimeout) {
			this.bodyReadTimeout = bodyReadTimeout;
		}

		public int getThreads() {
			return this.threads;
		}

		public void setThreads(int threads) {
			this.threads = threads;
		}

		public int getQueuedPerThread() {
			return this.queuedPerThread;
		}

		public void setQueuedPerThread(int queuedPerThread) {
			this.queuedPerThread = queuedPerThread;
		}

	}

	/**
	 * Refuses durations that bind but cannot work, and a clock skew that lets captured
	 * notifications be replayed for long, naming the property and the fix.
	 * @throws InvalidComplaintPropertyException for the first such duration
	 */
	@Override
	public void afterPropertiesSet() {
		ComplaintDurationChecks.checkSigns(this, PREFIX);
		ComplaintDurationChecks.checkNotificationClockSkew(this.maxClockSkew);
	}

}
