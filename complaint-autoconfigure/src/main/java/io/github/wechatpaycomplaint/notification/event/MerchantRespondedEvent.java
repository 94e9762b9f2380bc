package io.github.wechatpaycomplaint.notification.event;

/**
 * Published when the merchant replied ({@code action_type} {@code MERCHANT_RESPONSE}).
 *
 * @since 0.1.0
 */
public final class MerchantRespondedEvent extends ComplaintNotificationEvent {

	public MerchantRespondedEvent(ComplaintNotification notification) {
		super(notification);
	}

}
