package io.github.wechatpaycomplaint.model.message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.wechatpaycomplaint.model.MiniProgramJumpInfo;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What a link, button or question does when clicked ({@code action}).
 *
 * @param actionType kind of action
 * @param jumpUrl URL to open, for {@code ACTION_TYPE_JUMP_URL}
 * @param miniProgramJumpInfo mini program to open, for {@code ACTION_TYPE_JUMP_MINI_PROGRAM}
 * @param messageInfo message to send, for {@code ACTION_TYPE_SEND_MESSAGE}
 * @param actionId merchant id of the action, reported back when clicked
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MessageAction(@Nullable MessageActionType actionType,
		@Nullable String jumpUrl,
		@Nullable MiniProgramJumpInfo miniProgramJumpInfo,
		@Nullable MessageInfo messageInfo,
		@Nullable String actionId) {

}
