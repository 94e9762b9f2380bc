package io.github.wechatpaycomplaint.registration;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.model.NotificationUrl;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Registers the notification URL with WeChat Pay once the application is ready: queries
 * the registered URL, creates it when there is none, updates it when it differs, and
 * leaves it alone when it is the same. A failure is logged and the application keeps
 * running, unless it was asked to fail, when {@link NotificationUrlRegistrationException}
 * stops it.
 *
 * @since 0.1.0
 */
public final class NotificationUrlRegistrar implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(NotificationUrlRegistrar.class);

	private final @Nullable String merchantName;

	private final Supplier<WechatPayComplaintClient> client;

	private final String url;

	private final boolean failOnError;

	private volatile @Nullable Registration lastRegistration;

	/**
	 * Creates a registrar.
	 * @param client the complaint client
	 * @param url the public HTTPS URL of the notification endpoint, already validated
	 * @param failOnError whether a failure is thrown rather than logged
	 */
	public NotificationUrlRegistrar(WechatPayComplaintClient client, String url, boolean failOnError) {
		this(singleton(client), url, failOnError, null);
	}

	/**
	 * Creates the registrar of one merchant of several.
	 * @param merchantName the merchant's entry name, shown in logs and health
	 * @param client supplies the merchant's client when the registration runs, so that
	 * its keys are parsed then, and a merchant that cannot be built fails its own
	 * registration only
	 * @param url the merchant's public HTTPS notification URL, already validated
	 * @param failOnError whether a failure is thrown rather than logged
	 */
	public NotificationUrlRegistrar(String merchantName, Supplier<WechatPayComplaintClient> client, String url,
			boolean failOnError) {
		this(client, url, failOnError, Objects.requireNonNull(merchantName, "merchantName"));
	}

	private NotificationUrlRegistrar(Supplier<WechatPayComplaintClient> client, String url, boolean failOnError,
			@Nullable String merchantName) {
		this.merchantName = merchantName;
		this.client = Objects.requireNonNull(client, "client");
		this.url = Objects.requireNonNull(url, "url");
		this.failOnError = failOnError;
	}

	private static Supplier<WechatPayComplaintClient> singleton(WechatPayComplaintClient client) {
		Objects.requireNonNull(client, "client");
		return () -> client;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		register();
	}

	/**
	 * Registers the URL now.
	 * @return what was done, or {@link Action#FAILED} when it failed and failures are
	 * only logged
	 * @throws NotificationUrlRegistrationException when it failed and failures stop the
	 * application
	 */
	public Action register() {
		try {
			Action action = registerOrThrow();
			this.lastRegistration = new Registration(this.url, action, null);
			logger.info(describe(action) + ofMerchant());
			return action;
		}
		catch (RuntimeException ex) {
			this.lastRegistration = new Registration(this.url, Action.FAILED, ex.getMessage());
			if (this.failOnError) {
				throw new NotificationUrlRegistrationException(this.url, ex);
			}
			logger.error("Registering the complaint notification URL " + this.url + ofMerchant()
					+ " with WeChat Pay failed; the "
					+ "application keeps running, notifications go to whatever URL is registered (if any): "
					+ ex.getMessage(), ex);
			return Action.FAILED;
		}
	}

	private Action registerOrThrow() {
		WechatPayComplaintClient client = this.client.get();
		Optional<NotificationUrl> registered = client.findNotificationUrl();
		if (registered.isEmpty()) {
			client.createNotificationUrl(this.url);
			return Action.CREATED;
		}
		if (this.url.equals(registered.get().url())) {
			return Action.UNCHANGED;
		}
		logger.info("WeChat Pay sends complaint notifications" + ofMerchant() + " to " + registered.get().url()
				+ "; changing it to " + this.url);
		client.updateNotificationUrl(this.url);
		return Action.UPDATED;
	}

	private String describe(Action action) {
		switch (action) {
			case CREATED:
				return "Registered the complaint notification URL " + this.url + " with WeChat Pay (there was none)";
			case UPDATED:
				return "Updated the complaint notification URL registered with WeChat Pay to " + this.url;
			default:
				return "The complaint notification URL registered with WeChat Pay is already " + this.url;
		}
	}

	/**
	 * What the last registration did, for the health indicator.
	 * @return the last registration, or empty before the first
	 */
	public Optional<Registration> getLastRegistration() {
		return Optional.ofNullable(this.lastRegistration);
	}

	/**
	 * The entry name of the merchant whose URL this registrar registers.
	 * @return the name, or empty for the registrar of the single-merchant keys
	 */
	public Optional<String> getMerchantName() {
		return Optional.ofNullable(this.merchantName);
	}

	private String ofMerchant() {
		return (this.merchantName != null) ? " of merchant '" + this.merchantName + "'" : "";
	}

	/**
	 * The URL this registrar registers.
	 * @return the public URL
	 */
	public String getUrl() {
		return this.url;
	}

	@Override
	public String toString() {
		return "NotificationUrlRegistrar(" + ((this.merchantName != null) ? this.merchantName + ", " : "") + this.url
				+ ")";
	}

	/**
	 * One registration's outcome.
	 *
	 * @param url the URL registered
	 * @param action what was done
	 * @param failure why it failed ({@link Action#FAILED} only): WeChat Pay's code,
	 * message and Request-ID
	 */
	public record Registration(String url, Action action, @Nullable String failure) {
	}

	/**
	 * What a registration did.
	 */
	public enum Action {

		/** No URL was registered; it is now. */
		CREATED,

		/** Another URL was registered; it was replaced. */
		UPDATED,

		/** The same URL was registered already. */
		UNCHANGED,

		/** The registration failed and the failure was logged. */
		FAILED

	}

}
