package io.github.wechatpaycomplaint.notification.inbox;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.wechatpaycomplaint.notification.event.ComplaintActionType;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;

/**
 * The columns a shared inbox keeps of a notification (those of the JDBC table, the field
 * names of a Redis entry), and the notification read back from them: nothing else of it
 * is stored.
 */
final class StoredNotifications {

	private StoredNotifications() {
	}

	/**
	 * The stored columns of a notification, by name.
	 * @param notification the notification
	 * @return the values, in table order
	 */
	static Map<String, String> columns(ComplaintNotification notification) {
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
