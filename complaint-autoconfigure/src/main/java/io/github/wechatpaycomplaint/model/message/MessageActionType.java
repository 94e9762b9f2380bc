package io.github.wechatpaycomplaint.model.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wechatpaycomplaint.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * What a link, button or question does when clicked ({@code action_type}). An open enum:
 * a value WeChat Pay adds later reads as {@link #UNKNOWN} and
 * {@link MessageAction#rawActionType()} keeps its text; the constructor taking this enum
 * refuses {@link #UNKNOWN}, which has no text to send.
 *
 * @since 0.1.0
 */
public enum MessageActionType {

	/** Sends the message in {@code message_info}. */
	ACTION_TYPE_SEND_MESSAGE,

	/** Opens {@code jump_url}. */
	ACTION_TYPE_JUMP_URL,

	/** Opens the mini program in {@code mini_program_jump_info}. */
	ACTION_TYPE_JUMP_MINI_PROGRAM,

	/** A value this version does not know. */
	UNKNOWN;

	private static final OpenEnum<MessageActionType> VALUES = OpenEnum.of(MessageActionType.class);

	/**
	 * The constant for a text WeChat Pay wrote.
	 * @param text the text, may be {@code null}
	 * @return the constant, {@link #UNKNOWN} for a text this version does not know
	 */
	@JsonCreator
	public static MessageActionType from(@Nullable String text) {
		return VALUES.from(text);
	}

}
