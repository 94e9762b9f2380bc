package io.github.wechatpaycomplaint.notification;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The merchants of an application with one merchant: notifications on the shared path and
 * on {@code <path>/<name>} are all for it.
 *
 * <p>
 * {@link #bySerial} asks the merchant's own key lookup, so a serial it does not know
 * behaves as it always has: in certificate mode a well-formed serial starts a background
 * download (spaced by {@code unknown-serial-refresh-interval}), and nothing is found now.
 *
 * @since 0.1.0
 */
public final class SingleNotificationMerchants implements NotificationMerchants {

	/**
	 * The entry name of the merchant configured under
	 * {@code wechatpay.complaint.merchant}.
	 */
	public static final String DEFAULT_NAME = "default";

	private final NotificationMerchant merchant;

	/**
	 * Creates the merchants of a single-merchant application.
	 * @param merchant the merchant
	 */
	public SingleNotificationMerchants(NotificationMerchant merchant) {
		this.merchant = Objects.requireNonNull(merchant, "merchant");
	}

	@Override
	public Optional<NotificationMerchant> byName(String name) {
		return this.merchant.name().equals(name) ? Optional.of(this.merchant) : Optional.empty();
	}

	@Override
	public Optional<NotificationMerchant> bySerial(String wechatpaySerial) {
		return this.merchant.verificationKeys().resolve(wechatpaySerial).isPresent() ? Optional.of(this.merchant)
				: Optional.empty();
	}

	@Override
	public boolean has(String name) {
		return this.merchant.name().equals(name);
	}

	// Built with its keys: nothing to set up on first use.
	@Override
	public boolean isReady(@Nullable String name, @Nullable String wechatpaySerial) {
		return true;
	}

	@Override
	public Set<String> names() {
		return Set.of(this.merchant.name());
	}

	@Override
	public String toString() {
		return "SingleNotificationMerchants[" + this.merchant + "]";
	}

}
