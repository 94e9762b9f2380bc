package io.github.wechatpaycomplaint.deadline.event;

import java.time.Instant;

/**
 * A complaint must be resolved within the resolution warning.
 *
 * @since 0.1.0
 */
public final class ResolutionDueSoonEvent extends ComplaintDeadlineEvent {

	public ResolutionDueSoonEvent(Object source, String merchantName, String merchantId, String complaintId, int round,
			Instant deadline) {
		super(source, merchantName, merchantId, complaintId, round, deadline);
	}

}
