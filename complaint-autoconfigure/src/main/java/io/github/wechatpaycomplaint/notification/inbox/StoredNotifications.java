package io.github.wechatpaycomplaint.notification.inbox;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.wechatpaycomplaint.notification.event.ComplaintActionType;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an inbox keeps of a notification, and the notification read back from it. Of the
 * decrypted resource only {@code complaint_id} and {@code action_type} are kept, the
 * fields the events are made of: any other field of the resource (WeChat Pay may add
 * some, and they may be personal data) is left out, so that it does not sit in a store
 * for the retention period; listeners fetch the complaint's detail with the complaint
 * client. The shared inboxes keep the {@link #columns columns} (those of the JDBC table,
 * the field names of a Redis entry) and nothing else.
 */
final class StoredNotifications {

	private static final JsonMapper JSON = new JsonMapper();

	private StoredNotifications() {
	}

	/**
	 * The notification as an inbox keeps it.
	 * @param received the verified notification
	 * @return the same notification with the kept fields of its resource only
	 */
	static ComplaintNotification kept(ComplaintNotification received) {
		ObjectNode resource = JSON.createObjectNode();
		resource.put("complaint_id", received.complaintId());
		if (!received.rawActionType().isEmpty()) {
			resource.put("action_type", received.rawActionType());
		}
		String kept = JSON.writeValueAsString(resource);
		if (kept.equals(received.resourceJson())) {
			return received;
		}
		return new ComplaintNotification(received.merchantName(), received.merchantId(), received.id(),
				received.eventType(), received.createTime(), received.summary(), received.complaintId(),
				received.actionType(), received.rawActionType(), kept);
	}

	/**
	 * The stored columns of a notification, by name.
	 * @param received the verified notification
	 * @return the values, in table order, of its {@link #kept kept} form
	 */
	static Map<String, String> columns(ComplaintNotification received) {
		ComplaintNotification notification = kept(received);
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("merchant_name", notification.merchantName());
		columns.put("notification_id", notification.id());
		columns.put("merchant_id", notification.merchantId());
		columns.put("complaint_id", notification.complaintId());
		columns.put("event_type", notification.eventType());
		columns.put("create_time", notification.createTime().toString());
		columns.put("create_time_ms", Long.toString(notification.createTime().toInstant().toEpochMilli()));
		columns.put("summary", notification.summary());
		columns.put("action_type", notification.rawActionType());
		columns.put("resource_json", notification.resourceJson());
		return columns;
	}

	/**
	 * Reads a notification back.
	 * @param columns the stored value of each column
	 * @return the notification
	 * @throws E when a column cannot be read
	 */
	static <E extends Exception> ComplaintNotification read(Columns<E> columns) throws E {
		String rawActionType = columns.get("action_type");
		return new ComplaintNotification(columns.get("merchant_name"), columns.get("merchant_id"),
				columns.get("notification_id"), columns.get("event_type"),
				OffsetDateTime.parse(columns.get("create_time")), columns.get("summary"), columns.get("complaint_id"),
				ComplaintActionType.from(rawActionType.isEmpty() ? null : rawActionType), rawActionType,
				columns.get("resource_json"));
	}

	/**
	 * Where the stored values come from.
	 *
	 * @param <E> what reading a value may throw
	 */
	@FunctionalInterface
	interface Columns<E extends Exception> {

		String get(String name) throws E;

	}

}
