package io.github.wechatpaycomplaint.model.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A rich message ({@code message} of the immediate-service reply, {@code normal_message} of a history
 * record).
 *
 * @param blocks the blocks, shown in order
 * @param senderIdentity who wrote the message
 * @param customData merchant data, up to 4096 characters
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NormalMessage(List<MessageBlock> blocks,
		@Nullable SenderIdentity senderIdentity,
		@Nullable String customData) {

	public NormalMessage {
		blocks = (blocks != null) ? List.copyOf(blocks) : List.of();
	}

	/**
	 * A message of blocks, without sender identity or custom data.
	 * @param blocks the blocks
	 * @return the message
	 */
	public static NormalMessage of(MessageBlock... blocks) {
		return new NormalMessage(List.of(blocks), null, null);
	}

}
