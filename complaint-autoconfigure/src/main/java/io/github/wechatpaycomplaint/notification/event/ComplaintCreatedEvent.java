package io.github.wechatpaycomplaint.notification.event;

/**
 * Published when a user files a complaint ({@code action_type} {@code CREATE_COMPLAINT}).
 *
 * @since 0.1.0
 */
public final class ComplaintCreatedEvent extends ComplaintNotificationEvent {

	public ComplaintCreatedEvent(ComplaintNotification notification) {
		super(notification);
	}

}
