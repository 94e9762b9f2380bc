package io.github.wechatpaycomplaint.notification.event;

/**
 * Published when a user continues (re-opens) a complaint ({@code action_type}
 * {@code CONTINUE_COMPLAINT}).
 *
 * @since 0.1.0
 */
public final class ComplaintContinuedEvent extends ComplaintNotificationEvent {

	public ComplaintContinuedEvent(ComplaintNotification notification) {
		super(notification);
	}

}
