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

	/**
	 * Whether a merchant is configured under this entry name, without building it: the
	 * check a request's path gets before its body is read, on WebFlux on an event-loop
	 * thread. The default asks {@link #names()}; an implementation with many merchants
	 * answers from an index.
	 * @param name the entry name
	 * @return whether a merchant has the name (it may still fail to build)
	 * @since 0.1.0
	 */
	default boolean has(String name) {
		return names().contains(name);
	}

	/** All entry names, for routes and checks. */
	/**
	 * Whether the merchant a delivery names is set up, so that verifying and decrypting
	 * its notification reads no file and builds nothing: cheap enough for an event-loop
	 * thread. The default, {@code false}, keeps every step where blocking is allowed.
	 * @param name the entry name from the merchant's path, or {@code null} for the shared
	 * path
	 * @param wechatpaySerial the {@code Wechatpay-Serial} header, or {@code null}
	 * @return {@code true} only when nothing would be built or read
	 * @since 0.1.0
	 */
	default boolean isReady(@org.jspecify.annotations.Nullable String name,
			@org.jspecify.annotations.Nullable String wechatpaySerial) {
		return false;
	}

	java.util.Set<String> names();

}
