package io.github.wechatpaycomplaint.notification.event;

import java.time.OffsetDateTime;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * A verified and decrypted complaint notification: the envelope and the decrypted resource.
 *
 * <p>
 * {@link #toString()} shows ids and types only, never the decrypted resource.
 *
 * @param id the notification id ({@code id}); WeChat Pay resends a notification with the same id
 * @param eventType {@code event_type}, e.g. {@code COMPLAINT.CREATE} or {@code COMPLAINT.STATE_CHANGE}
 * @param createTime {@code create_time}
 * @param summary {@code summary}
 * @param complaintId {@code complaint_id} from the decrypted resource
 * @param actionType {@code action_type} from the decrypted resource, {@link ComplaintActionType#UNKNOWN} if new
 * @param rawActionType {@code action_type} exactly as sent (empty when absent)
 * @param resource the whole decrypted resource, with any field WeChat Pay adds later
 * @since 0.1.0
 */
public record ComplaintNotification(String id, String eventType, OffsetDateTime createTime, String summary,
		String complaintId, ComplaintActionType actionType, String rawActionType, JsonNode resource) {

	public ComplaintNotification {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(eventType, "eventType");
		Objects.requireNonNull(createTime, "createTime");
		Objects.requireNonNull(summary, "summary");
		Objects.requireNonNull(complaintId, "complaintId");
		Objects.requireNonNull(actionType, "actionType");
		Objects.requireNonNull(rawActionType, "rawActionType");
		resource = Objects.requireNonNull(resource, "resource").deepCopy();
	}

	/**
	 * The decrypted resource, a copy that the caller may change.
	 * @return the decrypted JSON
	 */
	@Override
	public JsonNode resource() {
		return this.resource.deepCopy();
	}

	/**
	 * Creates the event published for this notification.
	 * @return an instance of the {@link ComplaintNotificationEvent} subclass for {@link #actionType()}
	 */
	public ComplaintNotificationEvent toEvent() {
		return this.actionType.toEvent(this);
	}

	@Override
	public String toString() {
		return "ComplaintNotification[id=" + this.id + ", eventType=" + this.eventType + ", complaintId="
				+ this.complaintId + ", actionType=" + this.rawActionType + "]";
	}

}
