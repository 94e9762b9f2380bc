package io.github.wechatpaycomplaint.deadline.event;

import java.time.Instant;

/**
 * The user asked WeChat Pay to step in ({@code USER_APPLY_PLATFORM_SERVICE}); the
 * deadline is the resolution deadline of the round (the request time while the filing
 * time is unknown).
 *
 * @since 0.1.0
 */
public final class PlatformServiceRequestedEvent extends ComplaintDeadlineEvent {

	public PlatformServiceRequestedEvent(Object source, String merchantName, String merchantId, String complaintId,
			int round, Instant deadline) {
		super(source, merchantName, merchantId, complaintId, round, deadline);
	}

}
