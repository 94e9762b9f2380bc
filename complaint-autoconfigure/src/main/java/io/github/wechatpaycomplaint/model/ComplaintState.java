package io.github.wechatpaycomplaint.model;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * State of a complaint ({@code complaint_state}): an open set, so a value WeChat Pay adds later still parses and keeps its text.
 *
 * <p>
 * Compare with the constants ({@code equals}); {@link #isKnown()} tells whether this version of the starter knows
 * the value.
 *
 * @param value the value exactly as WeChat Pay writes it
 * @since 0.1.0
 */
public record ComplaintState(String value) {

	/** {@code PENDING}: 待处理: nobody has answered yet. */
	public static final ComplaintState PENDING = new ComplaintState("PENDING");

	/** {@code PROCESSING}: 处理中: the merchant answered at least once. */
	public static final ComplaintState PROCESSING = new ComplaintState("PROCESSING");

	/** {@code PROCESSED}: 已处理完成: completed, refunded, or the refund request was rejected. */
	public static final ComplaintState PROCESSED = new ComplaintState("PROCESSED");

	private static final Set<ComplaintState> KNOWN = Set.of(PENDING, PROCESSING, PROCESSED);

	public ComplaintState {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * The value for a text WeChat Pay sent, known or not.
	 * @param value the text
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ComplaintState of(String value) {
		return new ComplaintState(value);
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
