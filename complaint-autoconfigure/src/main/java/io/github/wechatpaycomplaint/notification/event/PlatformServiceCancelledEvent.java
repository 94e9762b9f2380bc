package io.github.wechatpaycomplaint.notification.event;

/**
 * Published when the user cancels the request for assistance ({@code action_type}
 * {@code USER_CANCEL_PLATFORM_SERVICE}).
 *
 * @since 0.1.0
 */
public final class PlatformServiceCancelledEvent extends ComplaintNotificationEvent {

	public PlatformServiceCancelledEvent(ComplaintNotification notification) {
		super(notification);
	}

}
