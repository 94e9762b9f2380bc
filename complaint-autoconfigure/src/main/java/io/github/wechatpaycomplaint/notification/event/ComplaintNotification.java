package io.github.wechatpaycomplaint.notification.event;

import java.time.OffsetDateTime;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A verified and decrypted complaint notification: the envelope and the decrypted
 * resource.
 *
 * <p>
 * {@link #toString()} shows ids and types only, never the decrypted resource.
 *
 * @param merchantName the entry name of the merchant the notification is for, such as
 * {@code default}
 * @param merchantId the merchant id ({@code mchid}) of that merchant
 * @param id the notification id ({@code id}); WeChat Pay resends a notification with the
 * same id
 * @param eventType {@code event_type}, e.g. {@code COMPLAINT.CREATE} or
 * {@code COMPLAINT.STATE_CHANGE}
 * @param createTime {@code create_time}
 * @param summary {@code summary}
 * @param complaintId {@code complaint_id} from the decrypted resource
 * @param actionType {@code action_type} from the decrypted resource,
 * {@link ComplaintActionType#UNKNOWN} if new
 * @param rawActionType {@code action_type} exactly as sent (empty when absent)
 * @param resourceJson the whole decrypted resource as JSON text, with any field WeChat
 * Pay adds later
 * @since 0.1.0
 */
public record ComplaintNotification(String merchantName, String merchantId, String id, String eventType,
		OffsetDateTime createTime, String summary, String complaintId, ComplaintActionType actionType,
		String rawActionType, String resourceJson) {

	private static final JsonMapper JSON = new JsonMapper();

	public ComplaintNotification {
		Objects.requireNonNull(merchantName, "merchantName");
		Objects.requireNonNull(merchantId, "merchantId");
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(eventType, "eventType");
		Objects.requireNonNull(createTime, "createTime");
		Objects.requireNonNull(summary, "summary");
		Objects.requireNonNull(complaintId, "complaintId");
		Objects.requireNonNull(actionType, "actionType");
		Objects.requireNonNull(rawActionType, "rawActionType");
		Objects.requireNonNull(resourceJson, "resourceJson");
	}

	/**
	 * The decrypted resource, parsed on each call (listeners rarely need more than the
	 * complaint id), so the caller may change it.
	 * @return the decrypted JSON
	 */
	public JsonNode resource() {
		return JSON.readTree(this.resourceJson);
	}

	/**
	 * Creates the event published for this notification.
	 * @return an instance of the {@link ComplaintNotificationEvent} subclass for
	 * {@link #actionType()}
	 */
	public ComplaintNotificationEvent toEvent() {
		return this.actionType.toEvent(this);
	}

	@Override
	public String toString() {
		return "ComplaintNotification[merchant=" + this.merchantName + ", id=" + this.id + ", eventType="
				+ this.eventType + ", complaintId=" + this.complaintId + ", actionType=" + this.rawActionType + "]";
	}

}
