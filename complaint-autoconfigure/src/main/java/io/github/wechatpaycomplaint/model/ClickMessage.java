package io.github.wechatpaycomplaint.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A rich-message action the user clicked ({@code click_message} of a history record).
 * Types are not confirmed by an official page, so {@code message_content} stays loosely
 * typed.
 *
 * @param messageContent the clicked content: text, or a JSON object read as a {@code Map}
 * @param actionId {@code action_id} of the clicked action
 * @param clickedLogId {@code log_id} of the message that was clicked
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClickMessage(@Nullable Object messageContent, @Nullable String actionId, @Nullable String clickedLogId) {

	// What the user clicked may carry the user's input.
	@Override
	public String toString() {
		return "ClickMessage[messageContent=" + Redaction.of(this.messageContent) + ", actionId=" + this.actionId
				+ ", clickedLogId=" + this.clickedLogId + "]";
	}
}
