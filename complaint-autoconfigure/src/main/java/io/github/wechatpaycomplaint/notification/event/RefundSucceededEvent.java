package io.github.wechatpaycomplaint.notification.event;

/**
 * Published when the refund reached the user ({@code action_type}
 * {@code REFUND_SUCCESS}).
 *
 * @since 0.1.0
 */
public final class RefundSucceededEvent extends ComplaintNotificationEvent {

	public RefundSucceededEvent(ComplaintNotification notification) {
		super(notification);
	}

}
