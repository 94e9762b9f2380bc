package io.github.wechatpaycomplaint.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.wechatpaycomplaint.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * Merchant's decision on a refund request ({@code action} of update-refund-progress). An
 * open enum: {@link io.github.wechatpaycomplaint.model.request.RefundDecision} refuses
 * {@link #UNKNOWN}, which has no text to send.
 *
 * @since 0.1.0
 */
public enum RefundAction {

	/** 同意退款: the merchant will refund through the refund API. */
	APPROVE,

	/** 拒绝退款: the refund is refused and the complaint completes. */
	REJECT,

	/** A value this version does not know. */
	UNKNOWN;

	private static final OpenEnum<RefundAction> VALUES = OpenEnum.of(RefundAction.class);

	/**
	 * The constant for a text WeChat Pay wrote.
	 * @param text the text, may be {@code null}
	 * @return the constant, {@link #UNKNOWN} for a text this version does not know
	 */
	@JsonCreator
	public static RefundAction from(@Nullable String text) {
		return VALUES.from(text);
	}

	// The one open enum the starter writes as such (in RefundDecision): WeChat Pay's text
	// whatever the application's
	// mapper does with enums, e.g. writing them in lower case.
	@JsonValue
	String text() {
		return name();
	}

}
