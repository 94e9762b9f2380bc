package io.github.wechatpaycomplaint.model;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Priority of a Hong Kong complaint ({@code priority}): an open set, so a value WeChat Pay adds later still parses and keeps its text.
 *
 * <p>
 * Compare with the constants ({@code equals}); {@link #isKnown()} tells whether this version of the starter knows
 * the value.
 *
 * @param value the value exactly as WeChat Pay writes it
 * @since 0.1.0
 */
public record ComplaintPriority(String value) {

	/** {@code PRIORITY}: handle first. */
	public static final ComplaintPriority PRIORITY = new ComplaintPriority("PRIORITY");

	/** {@code GENERAL}: ordinary priority. */
	public static final ComplaintPriority GENERAL = new ComplaintPriority("GENERAL");

	private static final Set<ComplaintPriority> KNOWN = Set.of(PRIORITY, GENERAL);

	public ComplaintPriority {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * The value for a text WeChat Pay sent, known or not.
	 * @param value the text
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ComplaintPriority of(String value) {
		return new ComplaintPriority(value);
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
