package io.github.wechatpaycomplaint.notification;

/**
 * Told how each delivery to the notification endpoint ended, for metrics and health;
 * called on the request thread after the answer is decided, and its failures are logged
 * and ignored.
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

}
