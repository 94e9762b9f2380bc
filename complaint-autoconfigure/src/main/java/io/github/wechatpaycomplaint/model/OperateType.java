package io.github.wechatpaycomplaint.model;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Kind of a negotiation history record ({@code operate_type}); WeChat Pay's spellings are kept, typos included: an open set, so a value WeChat Pay adds later still parses and keeps its text.
 *
 * <p>
 * Compare with the constants ({@code equals}); {@link #isKnown()} tells whether this version of the starter knows
 * the value.
 *
 * @param value the value exactly as WeChat Pay writes it
 * @since 0.1.0
 */
public record OperateType(String value) {

	/** {@code USER_CREATE_COMPLAINT}: the user filed the complaint. */
	public static final OperateType USER_CREATE_COMPLAINT = new OperateType("USER_CREATE_COMPLAINT");

	/** {@code USER_CONTINUE_COMPLAINT}: the user continued the complaint. */
	public static final OperateType USER_CONTINUE_COMPLAINT = new OperateType("USER_CONTINUE_COMPLAINT");

	/** {@code USER_RESPONSE}: a message from the user. */
	public static final OperateType USER_RESPONSE = new OperateType("USER_RESPONSE");

	/** {@code PLATFORM_RESPONSE}: a message from the platform. */
	public static final OperateType PLATFORM_RESPONSE = new OperateType("PLATFORM_RESPONSE");

	/** {@code MERCHANT_RESPONSE}: a message from the merchant. */
	public static final OperateType MERCHANT_RESPONSE = new OperateType("MERCHANT_RESPONSE");

	/** {@code MERCHANT_CONFIRM_COMPLETE}: the merchant marked the complaint complete. */
	public static final OperateType MERCHANT_CONFIRM_COMPLETE = new OperateType("MERCHANT_CONFIRM_COMPLETE");

	/** {@code USER_CREATE_COMPLAINT_SYSTEM_MESSAGE}: system message after the user filed. */
	public static final OperateType USER_CREATE_COMPLAINT_SYSTEM_MESSAGE = new OperateType("USER_CREATE_COMPLAINT_SYSTEM_MESSAGE");

	/** {@code COMPLAINT_FULL_REFUNDED_SYSTEM_MESSAGE}: system message: full refund initiated. */
	public static final OperateType COMPLAINT_FULL_REFUNDED_SYSTEM_MESSAGE = new OperateType("COMPLAINT_FULL_REFUNDED_SYSTEM_MESSAGE");

	/** {@code USER_CONTINUE_COMPLAINT_SYSTEM_MESSAGE}: system message after the user continued. */
	public static final OperateType USER_CONTINUE_COMPLAINT_SYSTEM_MESSAGE = new OperateType("USER_CONTINUE_COMPLAINT_SYSTEM_MESSAGE");

	/** {@code USER_REVOKE_COMPLAINT}: the user withdrew the complaint (legacy). */
	public static final OperateType USER_REVOKE_COMPLAINT = new OperateType("USER_REVOKE_COMPLAINT");

	/** {@code USER_COMFIRM_COMPLAINT}: the user confirmed the complaint resolved (legacy; WeChat Pay's spelling). */
	public static final OperateType USER_COMFIRM_COMPLAINT = new OperateType("USER_COMFIRM_COMPLAINT");

	/** {@code PLATFORM_HELP_APPLICATION}: the platform chased the merchant. */
	public static final OperateType PLATFORM_HELP_APPLICATION = new OperateType("PLATFORM_HELP_APPLICATION");

	/** {@code USER_APPLY_PLATFORM_HELP}: the user asked the platform for help. */
	public static final OperateType USER_APPLY_PLATFORM_HELP = new OperateType("USER_APPLY_PLATFORM_HELP");

	/** {@code MERCHANT_APPROVE_REFUND}: the merchant approved the refund request. */
	public static final OperateType MERCHANT_APPROVE_REFUND = new OperateType("MERCHANT_APPROVE_REFUND");

	/** {@code MERCHANT_REFUSE_RERUND}: the merchant refused the refund request, reason in {@code operate_details} (WeChat Pay's spelling). */
	public static final OperateType MERCHANT_REFUSE_RERUND = new OperateType("MERCHANT_REFUSE_RERUND");

	/** {@code USER_SUBMIT_SATISFACTION}: the user rated the handling, score in {@code operate_details}. */
	public static final OperateType USER_SUBMIT_SATISFACTION = new OperateType("USER_SUBMIT_SATISFACTION");

	/** {@code SERVICE_ORDER_CANCEL}: the PayScore service order was cancelled. */
	public static final OperateType SERVICE_ORDER_CANCEL = new OperateType("SERVICE_ORDER_CANCEL");

	/** {@code SERVICE_ORDER_COMPLETE}: the PayScore service order was completed. */
	public static final OperateType SERVICE_ORDER_COMPLETE = new OperateType("SERVICE_ORDER_COMPLETE");

	/** {@code COMPLAINT_PARTIAL_REFUNDED_SYSTEM_MESSAGE}: system message: partial refund initiated. */
	public static final OperateType COMPLAINT_PARTIAL_REFUNDED_SYSTEM_MESSAGE = new OperateType("COMPLAINT_PARTIAL_REFUNDED_SYSTEM_MESSAGE");

	/** {@code COMPLAINT_REFUND_RECEIVED_SYSTEM_MESSAGE}: system message: the refund reached the user. */
	public static final OperateType COMPLAINT_REFUND_RECEIVED_SYSTEM_MESSAGE = new OperateType("COMPLAINT_REFUND_RECEIVED_SYSTEM_MESSAGE");

	/** {@code COMPLAINT_ENTRUSTED_REFUND_SYSTEM_MESSAGE}: system message: entrusted refund. */
	public static final OperateType COMPLAINT_ENTRUSTED_REFUND_SYSTEM_MESSAGE = new OperateType("COMPLAINT_ENTRUSTED_REFUND_SYSTEM_MESSAGE");

	/** {@code USER_APPLY_PLATFORM_SERVICE}: the user asked for platform assistance. */
	public static final OperateType USER_APPLY_PLATFORM_SERVICE = new OperateType("USER_APPLY_PLATFORM_SERVICE");

	/** {@code USER_CANCEL_PLATFORM_SERVICE}: the user cancelled platform assistance. */
	public static final OperateType USER_CANCEL_PLATFORM_SERVICE = new OperateType("USER_CANCEL_PLATFORM_SERVICE");

	/** {@code PLATFORM_SERVICE_FINISHED}: WeChat Pay staff ended platform assistance. */
	public static final OperateType PLATFORM_SERVICE_FINISHED = new OperateType("PLATFORM_SERVICE_FINISHED");

	/** {@code USER_CLICK_RESPONSE}: the user clicked an action of a rich message. */
	public static final OperateType USER_CLICK_RESPONSE = new OperateType("USER_CLICK_RESPONSE");

	private static final Set<OperateType> KNOWN = Set.of(USER_CREATE_COMPLAINT, USER_CONTINUE_COMPLAINT, USER_RESPONSE, PLATFORM_RESPONSE, MERCHANT_RESPONSE, MERCHANT_CONFIRM_COMPLETE, USER_CREATE_COMPLAINT_SYSTEM_MESSAGE, COMPLAINT_FULL_REFUNDED_SYSTEM_MESSAGE, USER_CONTINUE_COMPLAINT_SYSTEM_MESSAGE, USER_REVOKE_COMPLAINT, USER_COMFIRM_COMPLAINT, PLATFORM_HELP_APPLICATION, USER_APPLY_PLATFORM_HELP, MERCHANT_APPROVE_REFUND, MERCHANT_REFUSE_RERUND, USER_SUBMIT_SATISFACTION, SERVICE_ORDER_CANCEL, SERVICE_ORDER_COMPLETE, COMPLAINT_PARTIAL_REFUNDED_SYSTEM_MESSAGE, COMPLAINT_REFUND_RECEIVED_SYSTEM_MESSAGE, COMPLAINT_ENTRUSTED_REFUND_SYSTEM_MESSAGE, USER_APPLY_PLATFORM_SERVICE, USER_CANCEL_PLATFORM_SERVICE, PLATFORM_SERVICE_FINISHED, USER_CLICK_RESPONSE);

	public OperateType {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * The value for a text WeChat Pay sent, known or not.
	 * @param value the text
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static OperateType of(String value) {
		return new OperateType(value);
	}

	@JsonValue
	@Override
	public String value() {
		return this.value;
	}

	/**
	 * Whether the value is one this version of the starter documents as a constant.
	 * @return {@code false} for a value WeChat Pay added later
	 */
	public boolean isKnown() {
		return KNOWN.contains(this);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
