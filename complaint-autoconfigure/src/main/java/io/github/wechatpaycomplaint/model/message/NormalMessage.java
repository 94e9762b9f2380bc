package io.github.wechatpaycomplaint.model.message;

import java.util.List;

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
 * A rich message ({@code message} of the immediate-service reply, {@code normal_message}
 * of a history record).
 *
 * @param blocks the blocks, shown in order
 * @param rawSenderIdentity {@code sender_identity} as WeChat Pay writes it, see
 * {@link #senderIdentity()}
 * @param customData merchant data, up to 4096 characters
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NormalMessage(List<MessageBlock> blocks,
		@JsonProperty("sender_identity") @Nullable String rawSenderIdentity, @Nullable String customData) {

	public NormalMessage {
		blocks = (blocks != null) ? List.copyOf(blocks) : List.of();
	}

	/**
	 * A message from a sender this version knows.
	 * @param blocks the blocks, shown in order
	 * @param senderIdentity who wrote the message, or {@code null} to leave it out (not
	 * stated)
	 * @param customData merchant data, up to 4096 characters
	 * @throws InvalidComplaintRequestException for {@link SenderIdentity#UNKNOWN}
	 */
	public NormalMessage(List<MessageBlock> blocks, @Nullable SenderIdentity senderIdentity,
			@Nullable String customData) {
		this(blocks, RequestChecks.knownValue(senderIdentity, "sender_identity"), customData);
	}

	/**
	 * A message of blocks, without sender identity or custom data.
	 * @param blocks the blocks
	 * @return the message
	 */
	public static NormalMessage of(MessageBlock... blocks) {
		return new NormalMessage(List.of(blocks), (String) null, null);
	}

	/**
	 * Who wrote the message.
	 * @return the sender, {@link SenderIdentity#UNKNOWN} when not stated or for one this
	 * version does not know, {@code null} if not set
	 */
	@JsonIgnore
	public @Nullable SenderIdentity senderIdentity() {
		return (this.rawSenderIdentity != null) ? SenderIdentity.from(this.rawSenderIdentity) : null;
	}

}
