package io.github.wechatpaycomplaint.model.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wechatpaycomplaint.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * Layout of a button group ({@code button_layout}). An open enum: a value WeChat Pay adds
 * later reads as {@link #UNKNOWN} and {@link ButtonGroupBlock#rawButtonLayout()} keeps
 * its text; the constructor taking this enum refuses {@link #UNKNOWN}, which has no text
 * to send.
 *
 * @since 0.1.0
 */
public enum ButtonLayout {

	/** Not stated: WeChat Pay's own value, sent as is (unlike {@link #UNKNOWN}). */
	LAYOUT_UNKNOWN,

	/** Side by side. */
	LAYOUT_HORIZONTAL,

	/** One above the other. */
	LAYOUT_VERTICAL,

	/** A value this version does not know. */
	UNKNOWN;

	private static final OpenEnum<ButtonLayout> VALUES = OpenEnum.of(ButtonLayout.class);

	/**
	 * The constant for a text WeChat Pay wrote.
	 * @param text the text, may be {@code null}
	 * @return the constant, {@link #UNKNOWN} for a text this version does not know
	 */
	@JsonCreator
	public static ButtonLayout from(@Nullable String text) {
		return VALUES.from(text);
	}

}
