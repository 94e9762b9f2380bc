package io.github.wechatpaycomplaint.notification.inbox;

import java.time.OffsetDateTime;

import io.github.wechatpaycomplaint.notification.event.ComplaintActionType;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;

/**
 * Verified notifications, as the parser makes them, for inbox tests.
 */
final class InboxNotifications {

	static final OffsetDateTime T0 = OffsetDateTime.parse("2025-06-13T09:02:41+08:00");

	private InboxNotifications() {
	}

	static ComplaintNotification notification(String id, String complaintId, int secondsAfterT0) {
		return notification("default", id, complaintId, secondsAfterT0);
	}

	static ComplaintNotification notification(String merchantName, String id, String complaintId, int secondsAfterT0) {
		return new ComplaintNotification(merchantName, "1900000109", id, "COMPLAINT.STATE_CHANGE",
				T0.plusSeconds(secondsAfterT0), "投诉单状态变化", complaintId, ComplaintActionType.USER_RESPONSE,
				"USER_RESPONSE", "{\"complaint_id\":\"" + complaintId + "\",\"action_type\":\"USER_RESPONSE\"}");
	}

}
