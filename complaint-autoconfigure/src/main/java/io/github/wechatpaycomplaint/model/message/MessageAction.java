package io.github.wechatpaycomplaint.model.message;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.wechatpaycomplaint.model.MiniProgramJumpInfo;
import io.github.wechatpaycomplaint.model.request.InvalidComplaintRequestException;
import io.github.wechatpaycomplaint.model.request.RequestChecks;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What a link, button or question does when clicked ({@code action}).
 *
 * @param rawActionType {@code action_type} as WeChat Pay writes it, see
 * {@link #actionType()}
 * @param jumpUrl URL to open, for {@code ACTION_TYPE_JUMP_URL}
 * @param miniProgramJumpInfo mini program to open, for
 * {@code ACTION_TYPE_JUMP_MINI_PROGRAM}
 * @param messageInfo message to send, for {@code ACTION_TYPE_SEND_MESSAGE}
 * @param actionId merchant id of the action, reported back when clicked
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MessageAction(@JsonProperty("action_type") @Nullable String rawActionType, @Nullable String jumpUrl,
		@Nullable MiniProgramJumpInfo miniProgramJumpInfo, @Nullable MessageInfo messageInfo,
		@Nullable String actionId) {

	/**
	 * An action of a kind this version knows.
	 * @param actionType kind of action
	 * @param jumpUrl URL to open, for {@code ACTION_TYPE_JUMP_URL}
	 * @param miniProgramJumpInfo mini program to open, for
	 * {@code ACTION_TYPE_JUMP_MINI_PROGRAM}
	 * @param messageInfo message to send, for {@code ACTION_TYPE_SEND_MESSAGE}
	 * @param actionId merchant id of the action, reported back when clicked
	 * @throws InvalidComplaintRequestException for {@link MessageActionType#UNKNOWN}
	 */
	public MessageAction(@Nullable MessageActionType actionType, @Nullable String jumpUrl,
			@Nullable MiniProgramJumpInfo miniProgramJumpInfo, @Nullable MessageInfo messageInfo,
			@Nullable String actionId) {
		this(RequestChecks.knownValue(actionType, "action_type"), jumpUrl, miniProgramJumpInfo, messageInfo, actionId);
	}

	/**
	 * Kind of action.
	 * @return the kind, {@link MessageActionType#UNKNOWN} for one this version does not
	 * know, {@code null} if not set
	 */
	@JsonIgnore
	public @Nullable MessageActionType actionType() {
		return (this.rawActionType != null) ? MessageActionType.from(this.rawActionType) : null;
	}

}
