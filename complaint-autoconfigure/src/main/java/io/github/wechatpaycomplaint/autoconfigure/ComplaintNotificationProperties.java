package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Duration;

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
