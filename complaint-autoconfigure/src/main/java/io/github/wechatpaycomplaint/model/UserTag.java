package io.github.wechatpaycomplaint.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wechatpaycomplaint.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * Tag WeChat Pay puts on the complaining user ({@code user_tag_list[]}). An open enum: a
 * value WeChat Pay adds later reads as {@link #UNKNOWN} and
 * {@link Complaint#rawUserTagList()} keeps its text.
 *
 * @since 0.1.0
 */
public enum UserTag {

	/** 可信: the user may receive a fast refund. */
	TRUSTED,

	/** 高风险: a high-risk complaint, to be handled first. */
	HIGH_RISK,

	/** A value this version does not know. */
	UNKNOWN;

	private static final OpenEnum<UserTag> VALUES = OpenEnum.of(UserTag.class);

	/**
	 * The constant for a text WeChat Pay wrote.
	 * @param text the text, may be {@code null}
	 * @return the constant, {@link #UNKNOWN} for a text this version does not know
	 */
	@JsonCreator
	public static UserTag from(@Nullable String text) {
		return VALUES.from(text);
	}

}
