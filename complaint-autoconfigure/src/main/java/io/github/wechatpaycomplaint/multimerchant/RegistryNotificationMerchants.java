package io.github.wechatpaycomplaint.multimerchant;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import io.github.wechatpaycomplaint.certificate.PlatformCertificateManager;
import io.github.wechatpaycomplaint.notification.NotificationMerchant;
import io.github.wechatpaycomplaint.notification.NotificationMerchants;
import org.jspecify.annotations.Nullable;

/**
 * The registry's merchants as the notification side sees them. A serial is found by one
 * map lookup: WeChat Pay public key ids, and the platform certificate serials that
 * certificate-mode merchants have downloaded, are indexed. A merchant that cannot be
 * built is not found: its notifications cannot be verified.
 *
 * <p>
 * A serial nobody knows may be a certificate WeChat Pay has just issued, or a forgery
 * that anyone can send. Only one shaped like a certificate serial
 * ({@link PlatformCertificateManager#isWellFormedSerial}), and only once per
 * {@code unknown-serial-refresh-interval} for the whole registry, builds the
 * certificate-mode merchants not used yet (so that their downloads start) and asks every
 * certificate-mode merchant to download (each spaced by its own interval too). Anything
 * else finds nothing and sets nothing off.
 */
final class RegistryNotificationMerchants implements NotificationMerchants {

	private final WechatPayMerchants merchants;

	private final UnknownSerialAllowance allowance;

	RegistryNotificationMerchants(WechatPayMerchants merchants, UnknownSerialAllowance allowance) {
		this.merchants = merchants;
		this.allowance = allowance;
	}

	@Override
	public Optional<NotificationMerchant> byName(String name) {
		MerchantSlot slot = this.merchants.findSlot(name);
		return (slot != null) ? notificationMerchant(slot) : Optional.empty();
	}

	@Override
	public Optional<NotificationMerchant> bySerial(String wechatpaySerial) {
		MerchantIndex index = this.merchants.index();
		MerchantSlot owner = index.owner(wechatpaySerial);
		if (owner != null) {
			return notificationMerchant(owner);
		}
		if (index.isContested(wechatpaySerial) || !PlatformCertificateManager.isWellFormedSerial(wechatpaySerial)
				|| !this.allowance.tryTake()) {
			return Optional.empty();
		}
		if (startUnusedCertificateMerchants(index)) {
			// A factory may hand out certificates already known.
			owner = this.merchants.index().owner(wechatpaySerial);
			if (owner != null) {
				return notificationMerchant(owner);
			}
		}
		requestCertificateDownloads(wechatpaySerial);
		return Optional.empty();
	}

	/**
	 * The merchant a serial is known to belong to: a map lookup that builds no merchant
	 * and starts no download.
	 */
	@Override
	public Optional<String> ownerOf(String wechatpaySerial) {
		MerchantSlot owner = this.merchants.index().owner(wechatpaySerial);
		return (owner != null) ? Optional.of(owner.name()) : Optional.empty();
	}

	// A merchant in certificate mode knows its serials only once its certificates are
	// downloaded, which starts when it is built: each is built once (a broken one is not
	// tried again). This notification is refused, and WeChat Pay's retry finds the
	// downloaded certificate.
	private boolean startUnusedCertificateMerchants(MerchantIndex index) {
		boolean started = false;
		for (MerchantSlot slot : index.slots()) {
			if (slot.definition().platformCertificates() && slot.builtComponents() == null && slot.failure() == null) {
				started |= notificationMerchant(slot).isPresent();
			}
		}
		return started;
	}

	// A certificate WeChat Pay has just issued: each certificate-mode merchant starts its
	// background download, spaced by its own unknown-serial-refresh-interval.
	private void requestCertificateDownloads(String serial) {
		for (MerchantSlot slot : this.merchants.index().slots()) {
			PlatformCertificateManager certificates = slot.builtCertificates();
			if (certificates != null) {
				certificates.resolve(serial);
			}
		}
	}

	/** One map lookup: the merchant is not built. */
	// Only a merchant whose first use built it; a serial of no merchant may start
	// certificate downloads, which build merchants.
	@Override
	public boolean isReady(@Nullable String name, @Nullable String wechatpaySerial) {
		MerchantSlot slot;
		if (name != null) {
			slot = this.merchants.findSlot(name);
		}
		else {
			slot = (wechatpaySerial != null) ? this.merchants.index().owner(wechatpaySerial) : null;
		}
		return slot != null && slot.builtComponents() != null;
	}

	@Override
	public boolean has(String name) {
		return this.merchants.findSlot(name) != null;
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
