package io.github.wechatpaycomplaint.notification.event;

/**
 * Published when WeChat Pay staff end the assistance ({@code action_type}
 * {@code PLATFORM_SERVICE_FINISHED}).
 *
 * @since 0.1.0
 */
public final class PlatformServiceFinishedEvent extends ComplaintNotificationEvent {

	public PlatformServiceFinishedEvent(ComplaintNotification notification) {
		super(notification);
	}

}
