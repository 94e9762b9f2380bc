package io.github.wechatpaycomplaint.notification.event;

/**
 * Published when WeChat Pay staff send a message ({@code action_type}
 * {@code RESPONSE_BY_PLATFORM}).
 *
 * @since 0.1.0
 */
public final class PlatformRespondedEvent extends ComplaintNotificationEvent {

	public PlatformRespondedEvent(ComplaintNotification notification) {
		super(notification);
	}

}
