package io.github.wechatpaycomplaint.model.message;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a link, button or question does when clicked ({@code action_type}): an open set, so a value WeChat Pay adds later still parses and keeps its text.
 *
 * <p>
 * Compare with the constants ({@code equals}); {@link #isKnown()} tells whether this version of the starter knows
 * the value.
 *
 * @param value the value exactly as WeChat Pay writes it
 * @since 0.1.0
 */
public record MessageActionType(String value) {

	/** {@code ACTION_TYPE_SEND_MESSAGE}: sends the message in {@code message_info}. */
	public static final MessageActionType ACTION_TYPE_SEND_MESSAGE = new MessageActionType("ACTION_TYPE_SEND_MESSAGE");

	/** {@code ACTION_TYPE_JUMP_URL}: opens {@code jump_url}. */
	public static final MessageActionType ACTION_TYPE_JUMP_URL = new MessageActionType("ACTION_TYPE_JUMP_URL");

	/** {@code ACTION_TYPE_JUMP_MINI_PROGRAM}: opens the mini program in {@code mini_program_jump_info}. */
	public static final MessageActionType ACTION_TYPE_JUMP_MINI_PROGRAM = new MessageActionType("ACTION_TYPE_JUMP_MINI_PROGRAM");

	private static final Set<MessageActionType> KNOWN = Set.of(ACTION_TYPE_SEND_MESSAGE, ACTION_TYPE_JUMP_URL, ACTION_TYPE_JUMP_MINI_PROGRAM);

	public MessageActionType {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * The value for a text WeChat Pay sent, known or not.
	 * @param value the text
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static MessageActionType of(String value) {
		return new MessageActionType(value);
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
