package io.github.wechatpaycomplaint.model;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Kind of problem the user reported ({@code problem_type}, mainland only): an open set, so a value WeChat Pay adds later still parses and keeps its text.
 *
 * <p>
 * Compare with the constants ({@code equals}); {@link #isKnown()} tells whether this version of the starter knows
 * the value.
 *
 * @param value the value exactly as WeChat Pay writes it
 * @since 0.1.0
 */
public record ProblemType(String value) {

	/** {@code REFUND}: 申请退款: the user asks for a refund (highest priority). */
	public static final ProblemType REFUND = new ProblemType("REFUND");

	/** {@code SERVICE_NOT_WORK}: 服务权益未生效: the paid service does not work. */
	public static final ProblemType SERVICE_NOT_WORK = new ProblemType("SERVICE_NOT_WORK");

	/** {@code OTHERS}: 其他类型: anything else. */
	public static final ProblemType OTHERS = new ProblemType("OTHERS");

	private static final Set<ProblemType> KNOWN = Set.of(REFUND, SERVICE_NOT_WORK, OTHERS);

	public ProblemType {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * The value for a text WeChat Pay sent, known or not.
	 * @param value the text
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ProblemType of(String value) {
		return new ProblemType(value);
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
