package io.github.wechatpaycomplaint.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the registration of the notification URL with WeChat Pay. Its keys sit
 * under {@code wechatpay.complaint.notification} beside those of
 * {@link ComplaintNotificationProperties}; both classes bind the same prefix, each its
 * own keys.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(NotificationRegistrationProperties.PREFIX)
public class NotificationRegistrationProperties {

	/**
	 * Prefix of the registration properties, shared with
	 * {@link ComplaintNotificationProperties}.
	 */
	public static final String PREFIX = ComplaintNotificationProperties.PREFIX;

	/**
	 * Public HTTPS URL at which WeChat Pay reaches the notification endpoint (no query
	 * string), e.g. https://pay.example.com/wechatpay/complaint-notifications. Used by
	 * register-on-startup.
	 */
	private @Nullable String publicUrl;

	/**
	 * Whether to register public-url with WeChat Pay once the application is ready:
	 * create it when none is registered, update it when another URL is, and leave it
	 * alone when it is the same.
	 */
	private boolean registerOnStartup;

	/**
	 * Whether a failed registration stops the application. When false, it is logged and
	 * the application runs.
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
