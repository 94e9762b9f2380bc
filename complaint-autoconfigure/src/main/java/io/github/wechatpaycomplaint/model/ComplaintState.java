package io.github.wechatpaycomplaint.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wechatpaycomplaint.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * State of a complaint ({@code complaint_state}). An open enum: a value WeChat Pay adds
 * later reads as {@link #UNKNOWN} and {@link Complaint#rawComplaintState()} keeps its
 * text.
 *
 * @since 0.1.0
 */
public enum ComplaintState {

	/** 待处理: nobody has answered yet. */
	PENDING,

	/** 处理中: the merchant answered at least once. */
	PROCESSING,

	/** 已处理完成: completed, refunded, or the refund request was rejected. */
	PROCESSED,

	/** A value this version does not know. */
	UNKNOWN;

	private static final OpenEnum<ComplaintState> VALUES = OpenEnum.of(ComplaintState.class);

	/**
	 * The constant for a text WeChat Pay wrote.
	 * @param text the text, may be {@code null}
	 * @return the constant, {@link #UNKNOWN} for a text this version does not know
	 */
	@JsonCreator
	public static ComplaintState from(@Nullable String text) {
		return VALUES.from(text);
	}

}
