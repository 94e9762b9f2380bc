package io.github.wechatpaycomplaint.notification;

import org.jspecify.annotations.Nullable;

/**
 * Told how each delivery to the notification endpoint ended, for metrics and health;
 * called on the request thread after the answer is decided, and its failures are logged
 * and ignored. On WebFlux a refusal decided before the body is read is told on an
 * event-loop thread: an observer must not block.
 *
 * @since 0.1.0
 */
public interface ComplaintNotificationObserver {

	/**
	 * A notification was handled: listeners ran and succeeded.
	 */
	default void handled() {
	}

	/**
	 * A notification had been handled before; no event was published.
	 */
	default void duplicate() {
	}

	/**
	 * A delivery was refused, including when a listener failed
	 * ({@link NotificationRejection#LISTENER_FAILED}).
	 * @param rejection why
	 */
	default void refused(NotificationRejection rejection) {
	}

	/**
	 * A notification of a merchant was handled; by default {@link #handled()}.
	 * @param merchantName the merchant's entry name
	 */
	default void handled(String merchantName) {
		handled();
	}

	/**
	 * A notification of a merchant had been handled before; by default
	 * {@link #duplicate()}.
	 * @param merchantName the merchant's entry name
	 */
	default void duplicate(String merchantName) {
		duplicate();
	}

	/**
	 * A delivery was refused; by default {@link #refused(NotificationRejection)}.
	 * @param rejection why
	 * @param merchantName the entry name of the merchant whose path it came to or whose
	 * key verified it, or {@code null} when no merchant is known (e.g. a serial of none)
	 */
	default void refused(NotificationRejection rejection, @Nullable String merchantName) {
		refused(rejection);
	}

}
