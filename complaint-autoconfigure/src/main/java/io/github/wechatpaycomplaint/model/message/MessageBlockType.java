package io.github.wechatpaycomplaint.model.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wechatpaycomplaint.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * Kind of a rich message block ({@code type}). An open enum: a value WeChat Pay adds
 * later reads as {@link #UNKNOWN} and {@link MessageBlock#rawType()} keeps its text; the
 * constructor taking this enum refuses {@link #UNKNOWN}, which has no text to send.
 *
 * @since 0.1.0
 */
public enum MessageBlockType {

	/** A text, in {@code text}. */
	TEXT,

	/** An image, in {@code image}. */
	IMAGE,

	/** A link, in {@code link}. */
	LINK,

	/** A list of questions, in {@code faq_list}. */
	FAQ_LIST,

	/** A button, in {@code button}. */
	BUTTON,

	/** A group of buttons, in {@code button_group}. */
	BUTTON_GROUP,

	/** A value this version does not know. */
	UNKNOWN;

	private static final OpenEnum<MessageBlockType> VALUES = OpenEnum.of(MessageBlockType.class);

	/**
	 * The constant for a text WeChat Pay wrote.
	 * @param text the text, may be {@code null}
	 * @return the constant, {@link #UNKNOWN} for a text this version does not know
	 */
	@JsonCreator
	public static MessageBlockType from(@Nullable String text) {
		return VALUES.from(text);
	}

}
