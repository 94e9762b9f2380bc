package io.github.wechatpaycomplaint.testsupport;

import java.time.Duration;
import java.time.OffsetDateTime;

import io.github.wechatpaycomplaint.notification.event.ComplaintActionType;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;
import io.github.wechatpaycomplaint.notification.inbox.InboxEntry;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pending and parked entries in an inbox, for the tests of what operators see. The
 * summary and the resource carry personal data that must never be shown.
 */
public final class InboxScenes {

	/** The summary of every notification here, which no operator output may show. */
	public static final String SUMMARY = "用户 13800138000 的投诉";

	/** A resource field, which no operator output may show. */
	public static final String RESOURCE_SECRET = "payer-phone-13800138000";

	public static final OffsetDateTime CREATE_TIME = OffsetDateTime.parse("2025-06-13T09:02:41+08:00");

	private InboxScenes() {
	}

	public static ComplaintNotification notification(String merchantName, String id, String complaintId) {
		return new ComplaintNotification(merchantName, "1900000109", id, "COMPLAINT.STATE_CHANGE", CREATE_TIME, SUMMARY,
				complaintId, ComplaintActionType.USER_RESPONSE, "USER_RESPONSE",
				"{\"complaint_id\":\"" + complaintId + "\",\"note\":\"" + RESOURCE_SECRET + "\"}");
	}

	/** Records a notification and parks it as a listener failure would. */
	public static void park(NotificationInbox inbox, String merchantName, String id, String complaintId) {
		assertThat(inbox.record(notification(merchantName, id, complaintId))).isTrue();
		InboxEntry claimed = inbox.claimDue(100, Duration.ofMinutes(5))
			.stream()
			.filter((entry) -> entry.notificationId().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(inbox.park(claimed, "java.lang.IllegalStateException")).isTrue();
	}

}
