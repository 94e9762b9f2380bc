package io.github.wechatpaycomplaint.notification.event;

import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wechatpaycomplaint.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * The {@code action_type} of a complaint notification, each with the event type published
 * for it. Values WeChat Pay adds later map to {@link #UNKNOWN}; the raw string stays on
 * the notification.
 *
 * @see <a href="https://pay.weixin.qq.com/doc/v3/merchant/4012289719">Complaint
 * notification</a>
 * @since 0.1.0
 */
public enum ComplaintActionType {

	/** The user filed a complaint. */
	CREATE_COMPLAINT(ComplaintCreatedEvent::new),

	/** The user continued (re-opened) the complaint. */
	CONTINUE_COMPLAINT(ComplaintContinuedEvent::new),

	/** The user sent a message. */
	USER_RESPONSE(UserRespondedEvent::new),

	/** WeChat Pay staff sent a message. */
	RESPONSE_BY_PLATFORM(PlatformRespondedEvent::new),

	/** The merchant issued a full refund. */
	SELLER_REFUND(SellerRefundedEvent::new),

	/** The merchant replied. */
	MERCHANT_RESPONSE(MerchantRespondedEvent::new),

	/** The merchant reported the complaint as complete. */
	MERCHANT_CONFIRM_COMPLETE(MerchantConfirmedCompleteEvent::new),

	/** The merchant approved the refund request. */
	MERCHANT_APPROVE_REFUND(MerchantApprovedRefundEvent::new),

	/** The merchant rejected the refund request. */
	MERCHANT_REJECT_REFUND(MerchantRejectedRefundEvent::new),

	/** The refund reached the user. */
	REFUND_SUCCESS(RefundSucceededEvent::new),

	/**
	 * The user asked WeChat Pay for assistance. WeChat Pay's changelog spells it
	 * {@code USER_APPLY_PLATFORM_SERIVCE}; both spellings map here.
	 */
	USER_APPLY_PLATFORM_SERVICE(PlatformServiceAppliedEvent::new),

	/** The user cancelled the request for assistance. */
	USER_CANCEL_PLATFORM_SERVICE(PlatformServiceCancelledEvent::new),

	/** WeChat Pay staff ended the assistance. */
	PLATFORM_SERVICE_FINISHED(PlatformServiceFinishedEvent::new),

	/**
	 * An action this version does not know yet; see
	 * {@link ComplaintNotification#rawActionType()}.
	 */
	UNKNOWN(UnknownComplaintActionEvent::new);

	private static final OpenEnum<ComplaintActionType> VALUES = OpenEnum.of(ComplaintActionType.class,
			Map.of("USER_APPLY_PLATFORM_SERIVCE", USER_APPLY_PLATFORM_SERVICE));

	private final Function<ComplaintNotification, ComplaintNotificationEvent> eventFactory;

	ComplaintActionType(Function<ComplaintNotification, ComplaintNotificationEvent> eventFactory) {
		this.eventFactory = eventFactory;
	}

	/**
	 * Finds the constant for an {@code action_type} value.
	 * @param value the value as sent, may be {@code null}
	 * @return the constant, {@link #UNKNOWN} for a value not known to this version
	 */
	@JsonCreator
	public static ComplaintActionType from(@Nullable String value) {
		return VALUES.from(value);
	}

	/**
	 * Creates the event published for a notification with this action.
	 * @param notification the notification
	 * @return the event, an instance of the subclass of
	 * {@link ComplaintNotificationEvent} for this action
	 */
	ComplaintNotificationEvent toEvent(ComplaintNotification notification) {
		return this.eventFactory.apply(notification);
	}

}
