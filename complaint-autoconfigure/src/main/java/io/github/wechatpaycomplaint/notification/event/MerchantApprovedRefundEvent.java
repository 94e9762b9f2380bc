package io.github.wechatpaycomplaint.notification.event;

/**
 * Published when the merchant approved the refund request ({@code action_type}
 * {@code MERCHANT_APPROVE_REFUND}).
 *
 * @since 0.1.0
 */
public final class MerchantApprovedRefundEvent extends ComplaintNotificationEvent {

	public MerchantApprovedRefundEvent(ComplaintNotification notification) {
		super(notification);
	}

}
