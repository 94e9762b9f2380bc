package io.github.wechatpaycomplaint.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wechatpaycomplaint.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * Priority of a Hong Kong complaint ({@code priority}). An open enum: a value WeChat Pay
 * adds later reads as {@link #UNKNOWN} and {@link Complaint#rawPriority()} keeps its
 * text.
 *
 * @since 0.1.0
 */
public enum ComplaintPriority {

	/** Handle first. */
	PRIORITY,

	/** Ordinary priority. */
	GENERAL,

	/** A value this version does not know. */
	UNKNOWN;

	private static final OpenEnum<ComplaintPriority> VALUES = OpenEnum.of(ComplaintPriority.class);

	/**
	 * The constant for a text WeChat Pay wrote.
	 * @param text the text, may be {@code null}
	 * @return the constant, {@link #UNKNOWN} for a text this version does not know
	 */
	@JsonCreator
	public static ComplaintPriority from(@Nullable String text) {
		return VALUES.from(text);
	}

}
