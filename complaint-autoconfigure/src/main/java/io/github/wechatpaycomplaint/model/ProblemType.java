package io.github.wechatpaycomplaint.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wechatpaycomplaint.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * Kind of problem the user reported ({@code problem_type}, mainland only). An open enum:
 * a value WeChat Pay adds later reads as {@link #UNKNOWN} and
 * {@link Complaint#rawProblemType()} keeps its text.
 *
 * @since 0.1.0
 */
public enum ProblemType {

	/** 申请退款: the user asks for a refund (highest priority). */
	REFUND,

	/** 服务权益未生效: the paid service does not work. */
	SERVICE_NOT_WORK,

	/** 其他类型: anything else. */
	OTHERS,

	/** A value this version does not know. */
	UNKNOWN;

	private static final OpenEnum<ProblemType> VALUES = OpenEnum.of(ProblemType.class);

	/**
	 * The constant for a text WeChat Pay wrote.
	 * @param text the text, may be {@code null}
	 * @return the constant, {@link #UNKNOWN} for a text this version does not know
	 */
	@JsonCreator
	public static ProblemType from(@Nullable String text) {
		return VALUES.from(text);
	}

}
