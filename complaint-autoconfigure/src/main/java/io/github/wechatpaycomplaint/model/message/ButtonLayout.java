package io.github.wechatpaycomplaint.model.message;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Layout of a button group ({@code button_layout}): an open set, so a value WeChat Pay adds later still parses and keeps its text.
 *
 * <p>
 * Compare with the constants ({@code equals}); {@link #isKnown()} tells whether this version of the starter knows
 * the value.
 *
 * @param value the value exactly as WeChat Pay writes it
 * @since 0.1.0
 */
public record ButtonLayout(String value) {

	/** {@code LAYOUT_UNKNOWN}: not stated. */
	public static final ButtonLayout LAYOUT_UNKNOWN = new ButtonLayout("LAYOUT_UNKNOWN");

	/** {@code LAYOUT_HORIZONTAL}: side by side. */
	public static final ButtonLayout LAYOUT_HORIZONTAL = new ButtonLayout("LAYOUT_HORIZONTAL");

	/** {@code LAYOUT_VERTICAL}: one above the other. */
	public static final ButtonLayout LAYOUT_VERTICAL = new ButtonLayout("LAYOUT_VERTICAL");

	private static final Set<ButtonLayout> KNOWN = Set.of(LAYOUT_UNKNOWN, LAYOUT_HORIZONTAL, LAYOUT_VERTICAL);

	public ButtonLayout {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * The value for a text WeChat Pay sent, known or not.
	 * @param value the text
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ButtonLayout of(String value) {
		return new ButtonLayout(value);
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
