package io.github.wechatpaycomplaint.registration;

import io.github.wechatpaycomplaint.WechatPayException;

/**
 * The notification URL could not be registered with WeChat Pay at startup, and
 * {@code wechatpay.complaint.notification.fail-on-registration-error} is set.
 *
 * @since 0.1.0
 */
public class NotificationUrlRegistrationException extends WechatPayException {

	private final String url;

	/**
	 * Creates an exception.
	 * @param url the URL that was to be registered
	 * @param cause why it failed
	 */
	public NotificationUrlRegistrationException(String url, Throwable cause) {
		super("Registering the complaint notification URL " + url + " with WeChat Pay failed: " + cause.getMessage(),
				cause);
		this.url = url;
	}

	/**
	 * The URL that was to be registered.
	 * @return the URL
	 */
	public String getUrl() {
		return this.url;
	}

}
