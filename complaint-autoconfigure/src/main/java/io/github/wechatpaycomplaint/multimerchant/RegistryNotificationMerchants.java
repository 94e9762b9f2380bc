package io.github.wechatpaycomplaint.multimerchant;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import io.github.wechatpaycomplaint.certificate.PlatformCertificateManager;
import io.github.wechatpaycomplaint.notification.NotificationMerchant;
import io.github.wechatpaycomplaint.notification.NotificationMerchants;

/**
 * The registry's merchants as the notification side sees them. A serial is found by a map
 * lookup for WeChat Pay public key ids, and among the certificates each merchant in
 * certificate mode has downloaded. A merchant that cannot be built is not found: its
 * notifications cannot be verified.
 */
final class RegistryNotificationMerchants implements NotificationMerchants {

	private final WechatPayMerchants merchants;

	RegistryNotificationMerchants(WechatPayMerchants merchants) {
		this.merchants = merchants;
	}

	@Override
	public Optional<NotificationMerchant> byName(String name) {
		MerchantSlot slot = this.merchants.findSlot(name);
		return (slot != null) ? notificationMerchant(slot) : Optional.empty();
	}

	@Override
	public Optional<NotificationMerchant> bySerial(String wechatpaySerial) {
		String name = this.merchants.nameOfPublicKeyId(wechatpaySerial);
		if (name != null) {
			return byName(name);
		}
		for (MerchantSlot slot : this.merchants.slots()) {
			MerchantComponents components = slot.builtComponents();
			PlatformCertificateManager certificates = (components != null)
					? components.verificationKeys().getPlatformCertificates() : null;
			if (certificates != null && certificates.getCertificates().containsKey(wechatpaySerial)) {
				return notificationMerchant(slot);
			}
		}
		return Optional.empty();
	}

	@Override
	public Set<String> names() {
		return new LinkedHashSet<>(this.merchants.names());
	}

	private static Optional<NotificationMerchant> notificationMerchant(MerchantSlot slot) {
		MerchantComponents components;
		try {
			components = slot.components();
		}
		catch (MerchantUnavailableException ex) {
			return Optional.empty();
		}
		return Optional.of(new NotificationMerchant(slot.definition().name(), components.verificationKeys(),
				components.merchant()));
	}

}
