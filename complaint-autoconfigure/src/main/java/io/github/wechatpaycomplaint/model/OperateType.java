package io.github.wechatpaycomplaint.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wechatpaycomplaint.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * Kind of a negotiation history record ({@code operate_type}); WeChat Pay's spellings are
 * kept, typos included. An open enum: a value WeChat Pay adds later reads as
 * {@link #UNKNOWN} and {@link NegotiationHistoryEntry#rawOperateType()} keeps its text.
 *
 * @since 0.1.0
 */
public enum OperateType {

	/** The user filed the complaint. */
	USER_CREATE_COMPLAINT,

	/** The user continued the complaint. */
	USER_CONTINUE_COMPLAINT,

	/** A message from the user. */
	USER_RESPONSE,

	/** A message from the platform. */
	PLATFORM_RESPONSE,

	/** A message from the merchant. */
	MERCHANT_RESPONSE,

	/** The merchant marked the complaint complete. */
	MERCHANT_CONFIRM_COMPLETE,

	/** System message after the user filed. */
	USER_CREATE_COMPLAINT_SYSTEM_MESSAGE,

	/** System message: full refund initiated. */
	COMPLAINT_FULL_REFUNDED_SYSTEM_MESSAGE,

	/** System message after the user continued. */
	USER_CONTINUE_COMPLAINT_SYSTEM_MESSAGE,

	/** The user withdrew the complaint (legacy). */
	USER_REVOKE_COMPLAINT,

	/** The user confirmed the complaint resolved (legacy; WeChat Pay's spelling). */
	USER_COMFIRM_COMPLAINT,

	/** The platform chased the merchant. */
	PLATFORM_HELP_APPLICATION,

	/** The user asked the platform for help. */
	USER_APPLY_PLATFORM_HELP,

	/** The merchant approved the refund request. */
	MERCHANT_APPROVE_REFUND,

	/**
	 * The merchant refused the refund request, reason in {@code operate_details} (WeChat
	 * Pay's spelling).
	 */
	MERCHANT_REFUSE_RERUND,

	/** The user rated the handling, score in {@code operate_details}. */
	USER_SUBMIT_SATISFACTION,

	/** The PayScore service order was cancelled. */
	SERVICE_ORDER_CANCEL,

	/** The PayScore service order was completed. */
	SERVICE_ORDER_COMPLETE,

	/** System message: partial refund initiated. */
	COMPLAINT_PARTIAL_REFUNDED_SYSTEM_MESSAGE,

	/** System message: the refund reached the user. */
	COMPLAINT_REFUND_RECEIVED_SYSTEM_MESSAGE,

	/** System message: entrusted refund. */
	COMPLAINT_ENTRUSTED_REFUND_SYSTEM_MESSAGE,

	/** The user asked for platform assistance. */
	USER_APPLY_PLATFORM_SERVICE,

	/** The user cancelled platform assistance. */
	USER_CANCEL_PLATFORM_SERVICE,

	/** WeChat Pay staff ended platform assistance. */
	PLATFORM_SERVICE_FINISHED,

	/** The user clicked an action of a rich message. */
	USER_CLICK_RESPONSE,

	/** A value this version does not know. */
	UNKNOWN;

	private static final OpenEnum<OperateType> VALUES = OpenEnum.of(OperateType.class);

	/**
	 * The constant for a text WeChat Pay wrote.
	 * @param text the text, may be {@code null}
	 * @return the constant, {@link #UNKNOWN} for a text this version does not know
	 */
	@JsonCreator
	public static OperateType from(@Nullable String text) {
		return VALUES.from(text);
	}

}
