package io.github.wechatpaycomplaint.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.wechatpaycomplaint.model.Redaction;
import io.github.wechatpaycomplaint.model.message.NormalMessage;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of the reply to a complaint that needs immediate service
 * ({@code response-immediate-service}, mainland only).
 *
 * @param complaintedMchid the merchant complained about
 * @param message the rich message
 * @param idempotentId id that makes retries safe: WeChat Pay processes one id once (keep
 * it, e.g. a UUID, across retries), 1 to 128 characters
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImmediateServiceReply(String complaintedMchid, NormalMessage message, String idempotentId) {

	/** Longest idempotent id. */
	public static final int MAX_IDEMPOTENT_ID_LENGTH = 128;

	/** Longest {@code custom_data}. */
	public static final int MAX_CUSTOM_DATA_LENGTH = 4096;

	public ImmediateServiceReply {
		RequestChecks.text(complaintedMchid, "complainted_mchid", 1, RequestChecks.MAX_ID_LENGTH);
		if (message == null) {
			throw new InvalidComplaintRequestException("message", "is required");
		}
		RequestChecks.optionalText(message.customData(), "message.custom_data", MAX_CUSTOM_DATA_LENGTH);
		RequestChecks.text(idempotentId, "idempotent_id", 1, MAX_IDEMPOTENT_ID_LENGTH);
	}

	/**
	 * A reply.
	 * @param complaintedMchid the merchant complained about
	 * @param message the rich message
	 * @param idempotentId id that makes retries safe
	 * @return the reply
	 */
	public static ImmediateServiceReply of(String complaintedMchid, NormalMessage message, String idempotentId) {
		return new ImmediateServiceReply(complaintedMchid, Objects.requireNonNull(message, "message"), idempotentId);
	}

	// The message may quote the user.
	@Override
	public String toString() {
		return "ImmediateServiceReply[complaintedMchid=" + this.complaintedMchid + ", message="
				+ Redaction.of(this.message) + ", idempotentId=" + this.idempotentId + "]";
	}
}
