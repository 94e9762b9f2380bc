package io.github.wechatpaycomplaint.notification;

/** The merchants a notification can be for; implemented by the merchant registry. */
public interface NotificationMerchants {

	/** The merchant configured under this entry name. */
	java.util.Optional<NotificationMerchant> byName(String name);

	/**
	 * The merchant whose WeChat Pay public-key id or platform-certificate serial this is
	 * (one merchant only).
	 */
	java.util.Optional<NotificationMerchant> bySerial(String wechatpaySerial);

	/** All entry names, for routes and checks. */
	java.util.Set<String> names();

}
