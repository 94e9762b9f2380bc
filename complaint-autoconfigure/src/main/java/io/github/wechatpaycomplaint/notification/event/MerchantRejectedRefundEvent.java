package io.github.wechatpaycomplaint.notification.event;

/**
 * Published when the merchant rejected the refund request ({@code action_type}
 * {@code MERCHANT_REJECT_REFUND}).
 *
 * @since 0.1.0
 */
public final class MerchantRejectedRefundEvent extends ComplaintNotificationEvent {

	public MerchantRejectedRefundEvent(ComplaintNotification notification) {
		super(notification);
	}

}
