package io.github.wechatpaycomplaint.deadline.event;

import java.time.Instant;
import java.util.Objects;

import org.springframework.context.ApplicationEvent;

/**
 * A complaint's deadline is near or past, or the user asked WeChat Pay to step in.
 * Published once per complaint, round and kind, by one instance, on the watcher's thread
 * (a listener that throws is logged; the event is not published again). The subclasses
 * are the whole hierarchy, so a {@code switch} over them is complete.
 *
 * <p>
 * {@link #toString()} shows ids and instants only.
 *
 * @since 0.1.0
 */
public abstract sealed class ComplaintDeadlineEvent extends ApplicationEvent permits FirstReplyDueSoonEvent,
		FirstReplyOverdueEvent, ResolutionDueSoonEvent, ResolutionOverdueEvent, PlatformServiceRequestedEvent {

	private final String merchantName;

	private final String merchantId;

	private final String complaintId;

	private final int round;

	private final Instant deadline;

	protected ComplaintDeadlineEvent(Object source, String merchantName, String merchantId, String complaintId,
			int round, Instant deadline) {
		super(source);
		this.merchantName = Objects.requireNonNull(merchantName, "merchantName");
		this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
		this.complaintId = Objects.requireNonNull(complaintId, "complaintId");
		this.round = round;
		this.deadline = Objects.requireNonNull(deadline, "deadline");
	}

	/**
	 * The entry name of the merchant, {@code default} for the merchant of
	 * {@code wechatpay.complaint.merchant.*}.
	 * @return the name
	 */
	public String getMerchantName() {
		return this.merchantName;
	}

	/**
	 * The merchant id ({@code mchid}).
	 * @return the merchant id
	 */
	public String getMerchantId() {
		return this.merchantId;
	}

	/**
	 * The complaint.
	 * @return the complaint id
	 */
	public String getComplaintId() {
		return this.complaintId;
	}

	/**
	 * The round of the complaint: 1, one more each time the user reopened it.
	 * @return the round
	 */
	public int getRound() {
		return this.round;
	}

	/**
	 * The deadline the event is about: the first-reply deadline for the first-reply
	 * events, the resolution deadline for the others.
	 * @return the deadline
	 */
	public Instant getDeadline() {
		return this.deadline;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[merchant=" + this.merchantName + ", complaintId=" + this.complaintId
				+ ", round=" + this.round + ", deadline=" + this.deadline + "]";
	}

}
