package io.github.wechatpaycomplaint.deadline.event;

import java.time.Instant;

/**
 * The merchant's first reply to a complaint is past due: reply now.
 *
 * @since 0.1.0
 */
public final class FirstReplyOverdueEvent extends ComplaintDeadlineEvent {

	public FirstReplyOverdueEvent(Object source, String merchantName, String merchantId, String complaintId, int round,
			Instant deadline) {
		super(source, merchantName, merchantId, complaintId, round, deadline);
	}

}
