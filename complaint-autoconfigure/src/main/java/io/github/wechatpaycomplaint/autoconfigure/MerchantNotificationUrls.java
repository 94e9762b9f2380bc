package io.github.wechatpaycomplaint.autoconfigure;

import java.util.Optional;
import java.util.function.Function;

import io.github.wechatpaycomplaint.multimerchant.MerchantDefinition;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import io.github.wechatpaycomplaint.registration.NotificationUrlRegistrar;
import org.jspecify.annotations.Nullable;

/**
 * Decides from a merchant's settings, resolved over the global properties, whether it
 * registers its notification URL ({@code notification.register-on-startup}) and which
 * one: its own {@code notification.public-url}, else its path under the global
 * {@code wechatpay.complaint.notification.public-url}. The registrar builds the
 * merchant's client when it runs, with the merchant's current keys.
 */
final class MerchantNotificationUrls implements Function<MerchantDefinition, Optional<NotificationUrlRegistrar>> {

	private static final String ENTRY_PUBLIC_URL = "notification.public-url";

	private static final String ENTRY_REGISTER = "notification.register-on-startup";

	private final WechatPayMerchants merchants;

	private final EntryMerchants entries;

	private final @Nullable String globalUrl;

	private final boolean globalRegisters;

	MerchantNotificationUrls(WechatPayMerchants merchants, EntryMerchants entries,
			NotificationRegistrationProperties global) {
		this.merchants = merchants;
		this.entries = entries;
		this.globalUrl = global.getPublicUrl();
		this.globalRegisters = global.isRegisterOnStartup();
	}

	/**
	 * The registrar of a merchant.
	 * @param definition the merchant
	 * @return its registrar, or empty when it does not register (or is the merchant of
	 * the single-merchant keys, which registers as it always did)
	 * @throws InvalidComplaintPropertyException when it registers but has no valid URL
	 */
	@Override
	public Optional<NotificationUrlRegistrar> apply(MerchantDefinition definition) {
		if (!this.entries.isEntry(definition)) {
			return Optional.empty();
		}
		if (!this.globalRegisters && !EntryMerchants.setsItself(definition, ENTRY_REGISTER)) {
			// It inherits "do not register": its settings need not be resolved for that,
			// which at startup would be once more for each of many merchants.
			return Optional.empty();
		}
		EntryMerchants.EntryMerchant merchant = this.entries.resolve(definition);
		NotificationRegistrationProperties notification = merchant.settings().getNotification();
		if (!notification.isRegisterOnStartup()) {
			return Optional.empty();
		}
		String name = merchant.name();
		return Optional.of(new NotificationUrlRegistrar(name, () -> this.merchants.client(name), publicUrlOf(merchant),
				notification.isFailOnRegistrationError()));
	}

	// The entry's own URL, else the merchant's path under the global URL.
	private String publicUrlOf(EntryMerchants.EntryMerchant merchant) {
		String property = merchant.property(ENTRY_PUBLIC_URL);
		if (merchant.setsItself(ENTRY_PUBLIC_URL)) {
			return ComplaintRegistrationAutoConfiguration
				.validPublicUrl(merchant.settings().getNotification().getPublicUrl(), property);
		}
		String global = this.globalUrl;
		if (global == null || global.isBlank()) {
			throw new InvalidComplaintPropertyException(property,
					"it is not set, nor is " + ComplaintRegistrationAutoConfiguration.PUBLIC_URL
							+ ", but the merchant registers its URL",
					"Set " + ComplaintRegistrationAutoConfiguration.PUBLIC_URL + " to the public HTTPS URL of the "
							+ "notification endpoint (each merchant then registers <public-url>/<name>), or set "
							+ property + ".");
		}
		ComplaintRegistrationAutoConfiguration.validPublicUrl(global);
		String base = global.strip();
		return ComplaintRegistrationAutoConfiguration
			.validPublicUrl((base.endsWith("/") ? base : base + "/") + merchant.name(), property);
	}

}
