package io.github.wechatpaycomplaint.model.message;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.wechatpaycomplaint.model.request.InvalidComplaintRequestException;
import io.github.wechatpaycomplaint.model.request.RequestChecks;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One block of a rich message: its {@code type} and the matching object. Build one with
 * the factory of its type.
 *
 * @param rawType {@code type} as WeChat Pay writes it, see {@link #type()}
 * @param text the text, for {@code TEXT}
 * @param image the image, for {@code IMAGE}
 * @param link the link, for {@code LINK}
 * @param faqList the questions, for {@code FAQ_LIST}
 * @param button the button, for {@code BUTTON}
 * @param buttonGroup the buttons, for {@code BUTTON_GROUP}
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MessageBlock(@JsonProperty("type") String rawType, @Nullable TextBlock text, @Nullable ImageBlock image,
		@Nullable LinkBlock link, @Nullable FaqListBlock faqList, @Nullable ButtonBlock button,
		@Nullable ButtonGroupBlock buttonGroup) {

	public MessageBlock {
		Objects.requireNonNull(rawType, "type");
	}

	/**
	 * A block of a kind this version knows.
	 * @param type kind of block
	 * @param text the text, for {@code TEXT}
	 * @param image the image, for {@code IMAGE}
	 * @param link the link, for {@code LINK}
	 * @param faqList the questions, for {@code FAQ_LIST}
	 * @param button the button, for {@code BUTTON}
	 * @param buttonGroup the buttons, for {@code BUTTON_GROUP}
	 * @throws InvalidComplaintRequestException for {@link MessageBlockType#UNKNOWN}
	 */
	public MessageBlock(MessageBlockType type, @Nullable TextBlock text, @Nullable ImageBlock image,
			@Nullable LinkBlock link, @Nullable FaqListBlock faqList, @Nullable ButtonBlock button,
			@Nullable ButtonGroupBlock buttonGroup) {
		this(Objects.requireNonNull(RequestChecks.knownValue(type, "type"), "type"), text, image, link, faqList, button,
				buttonGroup);
	}

	/**
	 * Kind of block.
	 * @return the kind, {@link MessageBlockType#UNKNOWN} for one this version does not
	 * know
	 */
	@JsonIgnore
	public MessageBlockType type() {
		return MessageBlockType.from(this.rawType);
	}

	/**
	 * A text block.
	 * @param text the text
	 * @return the block
	 */
	public static MessageBlock text(TextBlock text) {
		return new MessageBlock(MessageBlockType.TEXT, text, null, null, null, null, null);
	}

	/**
	 * An image block.
	 * @param image the image
	 * @return the block
	 */
	public static MessageBlock image(ImageBlock image) {
		return new MessageBlock(MessageBlockType.IMAGE, null, image, null, null, null, null);
	}

	/**
	 * A link block.
	 * @param link the link
	 * @return the block
	 */
	public static MessageBlock link(LinkBlock link) {
		return new MessageBlock(MessageBlockType.LINK, null, null, link, null, null, null);
	}

	/**
	 * A question list block.
	 * @param faqList the questions
	 * @return the block
	 */
	public static MessageBlock faqList(FaqListBlock faqList) {
		return new MessageBlock(MessageBlockType.FAQ_LIST, null, null, null, faqList, null, null);
	}

	/**
	 * A button block.
	 * @param button the button
	 * @return the block
	 */
	public static MessageBlock button(ButtonBlock button) {
		return new MessageBlock(MessageBlockType.BUTTON, null, null, null, null, button, null);
	}

	/**
	 * A button group block.
	 * @param buttonGroup the buttons
	 * @return the block
	 */
	public static MessageBlock buttonGroup(ButtonGroupBlock buttonGroup) {
		return new MessageBlock(MessageBlockType.BUTTON_GROUP, null, null, null, null, null, buttonGroup);
	}

}
