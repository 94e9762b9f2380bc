package io.github.wechatpaycomplaint.multimerchant;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import io.github.wechatpaycomplaint.certificate.PlatformCertificateManager;
import io.github.wechatpaycomplaint.notification.NotificationMerchant;
import io.github.wechatpaycomplaint.notification.NotificationMerchants;
import org.jspecify.annotations.Nullable;

/**
 * The registry's merchants as the notification side sees them. A serial is found by a map
 * lookup for WeChat Pay public key ids, and among the certificates each merchant in
 * certificate mode has downloaded; certificate-mode merchants not used yet are built on
 * the first serial nobody knows, so that their downloads start. A merchant that cannot be
 * built is not found: its notifications cannot be verified.
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
		Optional<NotificationMerchant> owner = byCertificateSerial(wechatpaySerial);
		if (owner.isEmpty() && startUnusedCertificateMerchants()) {
			owner = byCertificateSerial(wechatpaySerial);
		}
		if (owner.isEmpty()) {
			requestCertificateDownloads(wechatpaySerial);
		}
		return owner;
	}

	private Optional<NotificationMerchant> byCertificateSerial(String serial) {
		for (MerchantSlot slot : this.merchants.slots()) {
			PlatformCertificateManager certificates = certificates(slot);
			if (certificates != null && certificates.getCertificates().containsKey(serial)) {
				return notificationMerchant(slot);
			}
		}
		return Optional.empty();
	}

	// A merchant in certificate mode knows its serials only once its certificates are
	// downloaded, which starts when it is built. On the shared path, the first serial no
	// built merchant knows builds the others (each once): this notification is refused,
	// and WeChat Pay's retry finds the downloaded certificate.
	private boolean startUnusedCertificateMerchants() {
		boolean started = false;
		for (MerchantSlot slot : this.merchants.slots()) {
			if (slot.definition().platformCertificates() && slot.builtComponents() == null && slot.failure() == null) {
				started |= notificationMerchant(slot).isPresent();
			}
		}
		return started;
	}

	// As on a single-merchant endpoint, an unknown serial (say, a certificate WeChat Pay
	// has just issued) starts each certificate-mode merchant's background download,
	// spaced by its unknown-serial-refresh-interval.
	private void requestCertificateDownloads(String serial) {
		for (MerchantSlot slot : this.merchants.slots()) {
			PlatformCertificateManager certificates = certificates(slot);
			if (certificates != null) {
				certificates.resolve(serial);
			}
		}
	}

	private static @Nullable PlatformCertificateManager certificates(MerchantSlot slot) {
		MerchantComponents components = slot.builtComponents();
		return (components != null) ? components.verificationKeys().getPlatformCertificates() : null;
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
