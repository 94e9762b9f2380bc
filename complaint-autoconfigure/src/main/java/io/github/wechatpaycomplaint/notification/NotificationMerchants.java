package io.github.wechatpaycomplaint.notification;

/** The merchants a notification can be for; implemented by the merchant registry. */
public interface NotificationMerchants {

	/** The merchant configured under this entry name. */
	java.util.Optional<NotificationMerchant> byName(String name);

	/**
	 * The merchant whose WeChat Pay public-key id or platform-certificate serial this is
	 * (one merchant only). Used on the shared path; a serial nobody knows may set off
	 * certificate downloads.
	 */
	java.util.Optional<NotificationMerchant> bySerial(String wechatpaySerial);

	/**
	 * The entry name of the merchant a serial is known to belong to, without building a
	 * merchant or starting a download: on {@code <path>/<name>} only the merchant of the
	 * path may do either. Used to tell a serial of another merchant from an unknown one.
	 * The default asks {@link #bySerial}.
	 * @param wechatpaySerial the {@code Wechatpay-Serial} header
	 * @return the entry name, or empty
	 */
	default java.util.Optional<String> ownerOf(String wechatpaySerial) {
		return bySerial(wechatpaySerial).map(NotificationMerchant::name);
	}

	/** All entry names, for routes and checks. */
	java.util.Set<String> names();

}
