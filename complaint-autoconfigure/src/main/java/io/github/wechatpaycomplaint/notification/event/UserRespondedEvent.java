package io.github.wechatpaycomplaint.notification.event;

/**
 * Published when the user sends a message ({@code action_type} {@code USER_RESPONSE}).
 *
 * @since 0.1.0
 */
public final class UserRespondedEvent extends ComplaintNotificationEvent {

	public UserRespondedEvent(ComplaintNotification notification) {
		super(notification);
	}

}
