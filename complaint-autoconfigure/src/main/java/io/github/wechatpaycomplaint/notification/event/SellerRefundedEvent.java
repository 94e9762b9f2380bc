package io.github.wechatpaycomplaint.notification.event;

/**
 * Published when the merchant issued a full refund ({@code action_type}
 * {@code SELLER_REFUND}).
 *
 * @since 0.1.0
 */
public final class SellerRefundedEvent extends ComplaintNotificationEvent {

	public SellerRefundedEvent(ComplaintNotification notification) {
		super(notification);
	}

}
