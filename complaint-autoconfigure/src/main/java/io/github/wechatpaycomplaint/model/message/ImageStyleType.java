package io.github.wechatpaycomplaint.model.message;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Layout of an image block ({@code image_style_type}): an open set, so a value WeChat Pay adds later still parses and keeps its text.
 *
 * <p>
 * Compare with the constants ({@code equals}); {@link #isKnown()} tells whether this version of the starter knows
 * the value.
 *
 * @param value the value exactly as WeChat Pay writes it
 * @since 0.1.0
 */
public record ImageStyleType(String value) {

	/** {@code IMAGE_STYLE_TYPE_NARROW}: narrow. */
	public static final ImageStyleType IMAGE_STYLE_TYPE_NARROW = new ImageStyleType("IMAGE_STYLE_TYPE_NARROW");

	/** {@code IMAGE_STYLE_TYPE_WIDE}: wide. */
	public static final ImageStyleType IMAGE_STYLE_TYPE_WIDE = new ImageStyleType("IMAGE_STYLE_TYPE_WIDE");

	private static final Set<ImageStyleType> KNOWN = Set.of(IMAGE_STYLE_TYPE_NARROW, IMAGE_STYLE_TYPE_WIDE);

	public ImageStyleType {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * The value for a text WeChat Pay sent, known or not.
	 * @param value the text
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ImageStyleType of(String value) {
		return new ImageStyleType(value);
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
