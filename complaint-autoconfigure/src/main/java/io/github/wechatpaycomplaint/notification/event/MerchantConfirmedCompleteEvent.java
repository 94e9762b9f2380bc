package io.github.wechatpaycomplaint.notification.event;

/**
 * Published when the merchant reported the complaint as complete ({@code action_type}
 * {@code MERCHANT_CONFIRM_COMPLETE}).
 *
 * @since 0.1.0
 */
public final class MerchantConfirmedCompleteEvent extends ComplaintNotificationEvent {

	public MerchantConfirmedCompleteEvent(ComplaintNotification notification) {
		super(notification);
	}

}
