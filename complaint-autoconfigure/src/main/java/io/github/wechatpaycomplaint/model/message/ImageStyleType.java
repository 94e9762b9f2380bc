package io.github.wechatpaycomplaint.model.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wechatpaycomplaint.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * Layout of an image block ({@code image_style_type}). An open enum: a value WeChat Pay
 * adds later reads as {@link #UNKNOWN} and {@link ImageBlock#rawImageStyleType()} keeps
 * its text; the constructor taking this enum refuses {@link #UNKNOWN}, which has no text
 * to send.
 *
 * @since 0.1.0
 */
public enum ImageStyleType {

	/** Narrow. */
	IMAGE_STYLE_TYPE_NARROW,

	/** Wide. */
	IMAGE_STYLE_TYPE_WIDE,

	/** A value this version does not know. */
	UNKNOWN;

	private static final OpenEnum<ImageStyleType> VALUES = OpenEnum.of(ImageStyleType.class);

	/**
	 * The constant for a text WeChat Pay wrote.
	 * @param text the text, may be {@code null}
	 * @return the constant, {@link #UNKNOWN} for a text this version does not know
	 */
	@JsonCreator
	public static ImageStyleType from(@Nullable String text) {
		return VALUES.from(text);
	}

}
