package io.github.wechatpaycomplaint.deadline.event;

import java.time.Instant;

/**
 * A complaint is past its resolution deadline: WeChat Pay may settle it at the merchant's
 * expense.
 *
 * @since 0.1.0
 */
public final class ResolutionOverdueEvent extends ComplaintDeadlineEvent {

	public ResolutionOverdueEvent(Object source, String merchantName, String merchantId, String complaintId, int round,
			Instant deadline) {
		super(source, merchantName, merchantId, complaintId, round, deadline);
	}

}
