package io.github.wechatpaycomplaint.model.message;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Colour of a text block ({@code color}): an open set, so a value WeChat Pay adds later still parses and keeps its text.
 *
 * <p>
 * Compare with the constants ({@code equals}); {@link #isKnown()} tells whether this version of the starter knows
 * the value.
 *
 * @param value the value exactly as WeChat Pay writes it
 * @since 0.1.0
 */
public record TextColor(String value) {

	/** {@code DEFAULT}: the normal colour. */
	public static final TextColor DEFAULT = new TextColor("DEFAULT");

	/** {@code SECONDARY}: the secondary (grey) colour. */
	public static final TextColor SECONDARY = new TextColor("SECONDARY");

	private static final Set<TextColor> KNOWN = Set.of(DEFAULT, SECONDARY);

	public TextColor {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * The value for a text WeChat Pay sent, known or not.
	 * @param value the text
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static TextColor of(String value) {
		return new TextColor(value);
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
