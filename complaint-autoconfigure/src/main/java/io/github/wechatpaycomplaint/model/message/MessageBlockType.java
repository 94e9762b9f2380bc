package io.github.wechatpaycomplaint.model.message;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Kind of a rich message block ({@code type}): an open set, so a value WeChat Pay adds later still parses and keeps its text.
 *
 * <p>
 * Compare with the constants ({@code equals}); {@link #isKnown()} tells whether this version of the starter knows
 * the value.
 *
 * @param value the value exactly as WeChat Pay writes it
 * @since 0.1.0
 */
public record MessageBlockType(String value) {

	/** {@code TEXT}: a text, in {@code text}. */
	public static final MessageBlockType TEXT = new MessageBlockType("TEXT");

	/** {@code IMAGE}: an image, in {@code image}. */
	public static final MessageBlockType IMAGE = new MessageBlockType("IMAGE");

	/** {@code LINK}: a link, in {@code link}. */
	public static final MessageBlockType LINK = new MessageBlockType("LINK");

	/** {@code FAQ_LIST}: a list of questions, in {@code faq_list}. */
	public static final MessageBlockType FAQ_LIST = new MessageBlockType("FAQ_LIST");

	/** {@code BUTTON}: a button, in {@code button}. */
	public static final MessageBlockType BUTTON = new MessageBlockType("BUTTON");

	/** {@code BUTTON_GROUP}: a group of buttons, in {@code button_group}. */
	public static final MessageBlockType BUTTON_GROUP = new MessageBlockType("BUTTON_GROUP");

	private static final Set<MessageBlockType> KNOWN = Set.of(TEXT, IMAGE, LINK, FAQ_LIST, BUTTON, BUTTON_GROUP);

	public MessageBlockType {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * The value for a text WeChat Pay sent, known or not.
	 * @param value the text
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static MessageBlockType of(String value) {
		return new MessageBlockType(value);
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
