package io.github.wechatpaycomplaint.notification.event;

/**
 * Published when the user asks WeChat Pay for assistance ({@code action_type}
 * {@code USER_APPLY_PLATFORM_SERVICE}).
 *
 * @since 0.1.0
 */
public final class PlatformServiceAppliedEvent extends ComplaintNotificationEvent {

	public PlatformServiceAppliedEvent(ComplaintNotification notification) {
		super(notification);
	}

}
