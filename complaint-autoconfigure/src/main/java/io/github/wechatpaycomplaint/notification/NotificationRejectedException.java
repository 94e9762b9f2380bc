package io.github.wechatpaycomplaint.notification;

import java.util.Objects;
import java.util.Optional;

import io.github.wechatpaycomplaint.WechatPayException;
import org.jspecify.annotations.Nullable;

/**
 * A complaint notification the endpoint does not accept, or could not handle. The message
 * is meant for the log: it names headers, serials and notification ids, never keys or
 * decrypted data.
 *
 * @since 0.1.0
 */
public class NotificationRejectedException extends WechatPayException {

	private final NotificationRejection rejection;

	private volatile @Nullable String merchantName;

	public NotificationRejectedException(NotificationRejection rejection, String message) {
		super(message);
		this.rejection = Objects.requireNonNull(rejection, "rejection");
	}

	public NotificationRejectedException(NotificationRejection rejection, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.rejection = Objects.requireNonNull(rejection, "rejection");
	}

	/**
	 * Why the notification was refused, and how to answer.
	 * @return the rejection
	 */
	public NotificationRejection getRejection() {
		return this.rejection;
	}

	/**
	 * The entry name of the merchant the notification was verified for, when it was
	 * refused after its signature was verified.
	 * @return the name, or empty
	 */
	public Optional<String> getMerchantName() {
		return Optional.ofNullable(this.merchantName);
	}

	NotificationRejectedException forMerchant(String merchantName) {
		this.merchantName = merchantName;
		return this;
	}

}
