package io.github.wechatpaycomplaint.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wechatpaycomplaint.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * Kind of images in a complaint's {@code complaint_media_list} ({@code media_type}). An
 * open enum: a value WeChat Pay adds later reads as {@link #UNKNOWN} and
 * {@link ComplaintMedia#rawMediaType()} keeps its text.
 *
 * @since 0.1.0
 */
public enum ComplaintMediaType {

	/** Images the user uploaded when filing the complaint. */
	USER_COMPLAINT_IMAGE,

	/** Images the user, the merchant or WeChat Pay staff uploaded while negotiating. */
	OPERATION_IMAGE,

	/** A value this version does not know. */
	UNKNOWN;

	private static final OpenEnum<ComplaintMediaType> VALUES = OpenEnum.of(ComplaintMediaType.class);

	/**
	 * The constant for a text WeChat Pay wrote.
	 * @param text the text, may be {@code null}
	 * @return the constant, {@link #UNKNOWN} for a text this version does not know
	 */
	@JsonCreator
	public static ComplaintMediaType from(@Nullable String text) {
		return VALUES.from(text);
	}

}
