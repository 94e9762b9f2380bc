package io.github.wechatpaycomplaint.model.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wechatpaycomplaint.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * Colour of a text block ({@code color}). An open enum: a value WeChat Pay adds later
 * reads as {@link #UNKNOWN} and {@link TextBlock#rawColor()} keeps its text; the
 * constructor taking this enum refuses {@link #UNKNOWN}, which has no text to send.
 *
 * @since 0.1.0
 */
public enum TextColor {

	/** The normal colour. */
	DEFAULT,

	/** The secondary (grey) colour. */
	SECONDARY,

	/** A value this version does not know. */
	UNKNOWN;

	private static final OpenEnum<TextColor> VALUES = OpenEnum.of(TextColor.class);

	/**
	 * The constant for a text WeChat Pay wrote.
	 * @param text the text, may be {@code null}
	 * @return the constant, {@link #UNKNOWN} for a text this version does not know
	 */
	@JsonCreator
	public static TextColor from(@Nullable String text) {
		return VALUES.from(text);
	}

}
