package io.github.wechatpaycomplaint.notification.inbox;

import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an inbox keeps of a notification: the envelope and, of the decrypted resource,
 * only {@code complaint_id} and {@code action_type}, the fields the events are made of.
 * Any other field of the resource (WeChat Pay may add some, and they may be personal
 * data) is left out, so that it does not sit in a table for the retention period;
 * listeners fetch the complaint's detail with the complaint client.
 */
final class StoredNotification {

	private static final JsonMapper JSON = new JsonMapper();

	private StoredNotification() {
	}

	/**
	 * The notification as an inbox stores it.
	 * @param received the verified notification
	 * @return the same notification with the stored fields of its resource only
	 */
	static ComplaintNotification of(ComplaintNotification received) {
		ObjectNode resource = JSON.createObjectNode();
		resource.put("complaint_id", received.complaintId());
		if (!received.rawActionType().isEmpty()) {
			resource.put("action_type", received.rawActionType());
		}
		String stored = JSON.writeValueAsString(resource);
		if (stored.equals(received.resourceJson())) {
			return received;
		}
		return new ComplaintNotification(received.merchantName(), received.merchantId(), received.id(),
				received.eventType(), received.createTime(), received.summary(), received.complaintId(),
				received.actionType(), received.rawActionType(), stored);
	}

}
