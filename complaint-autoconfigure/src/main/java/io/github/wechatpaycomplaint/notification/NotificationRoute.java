package io.github.wechatpaycomplaint.notification;

import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;

import io.github.wechatpaycomplaint.crypto.internal.UntrustedText;
import io.github.wechatpaycomplaint.crypto.VerificationKeyResolver;
import org.jspecify.annotations.Nullable;

/**
 * Finds the key for one delivery, and with it the merchant the notification is for. On
 * the shared path the {@code Wechatpay-Serial} names the merchant (a map lookup, never a
 * try of each merchant's key); on a merchant's own path only that merchant's keys verify
 * (and only that merchant may download certificates), and a serial of another merchant is
 * refused. Used for one delivery only: it remembers the merchant whose key it returned.
 */
final class NotificationRoute implements VerificationKeyResolver {

	private final NotificationMerchants merchants;

	private final @Nullable NotificationMerchant pathMerchant;

	private @Nullable NotificationMerchant signer;

	private NotificationRoute(NotificationMerchants merchants, @Nullable NotificationMerchant pathMerchant) {
		this.merchants = Objects.requireNonNull(merchants, "merchants");
		this.pathMerchant = pathMerchant;
	}

	/** A delivery to the shared path, routed by its serial. */
	static NotificationRoute bySerial(NotificationMerchants merchants) {
		return new NotificationRoute(merchants, null);
	}

	/** A delivery to the path of one merchant. */
	static NotificationRoute toMerchant(NotificationMerchant merchant, NotificationMerchants merchants) {
		return new NotificationRoute(merchants, Objects.requireNonNull(merchant, "merchant"));
	}

	@Override
	public Optional<PublicKey> resolve(String serial) {
		if (this.pathMerchant == null) {
			Optional<NotificationMerchant> owner = this.merchants.bySerial(serial);
			return owner.isPresent() ? keyOf(owner.get(), serial) : Optional.empty();
		}
		// The merchant's own lookup first: it is the usual case, and in certificate mode
		// an unknown serial starts that merchant's background download, as on a
		// single-merchant endpoint. Nothing else is built or asked to download.
		Optional<PublicKey> own = keyOf(this.pathMerchant, serial);
		if (own.isPresent()) {
			return own;
		}
		Optional<String> owner = this.merchants.ownerOf(serial);
		if (owner.isPresent() && !owner.get().equals(this.pathMerchant.name())) {
			throw new NotificationRejectedException(NotificationRejection.SERIAL_OF_ANOTHER_MERCHANT,
					"Wechatpay-Serial '" + UntrustedText.forLog(serial) + "' belongs to merchant '" + owner.get()
							+ "', but the notification came to the path of merchant '" + this.pathMerchant.name()
							+ "'; check the notification URL registered for '" + owner.get() + "'");
		}
		return Optional.empty();
	}

	private Optional<PublicKey> keyOf(NotificationMerchant merchant, String serial) {
		Optional<PublicKey> key = merchant.verificationKeys().resolve(serial);
		if (key.isPresent()) {
			this.signer = merchant;
		}
		return key;
	}

	/**
	 * The merchant whose key was found for the signature, verified or not yet.
	 * @return the merchant, or {@code null} before a key was found
	 */
	@Nullable NotificationMerchant findSigner() {
		return this.signer;
	}

	/**
	 * The merchant whose key verified the signature.
	 * @return the merchant
	 * @throws IllegalStateException before a key was found
	 */
	NotificationMerchant signer() {
		if (this.signer == null) {
			throw new IllegalStateException("No key was found for this delivery");
		}
		return this.signer;
	}

}
