package io.github.wechatpaycomplaint.reconciliation;

import io.github.wechatpaycomplaint.event.ComplaintEvent;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.model.ComplaintState;

/**
 * A complaint found by reconciliation in a state no earlier reconciliation run reported:
 * its notification may have been lost. Published once per complaint state across all
 * instances; handle it like a notification, idempotently (check the complaint's state
 * before acting). A listener of {@link ComplaintEvent} receives it as well as every
 * notification event; a listener of {@code ComplaintNotificationEvent} does not.
 *
 * @since 0.1.0
 */
public final class ComplaintReconciledEvent extends ComplaintEvent {

	private final Complaint complaint;

	/**
	 * Creates an event.
	 * @param source the reconciler
	 * @param merchantName the entry name of the merchant whose complaints were listed
	 * @param merchantId its merchant id
	 * @param complaint the complaint
	 */
	public ComplaintReconciledEvent(Object source, String merchantName, String merchantId, Complaint complaint) {
		super(source, merchantName, merchantId);
		this.complaint = complaint;
	}

	/**
	 * The complaint as listed (its {@code payer_phone} decrypted and masked).
	 * @return the complaint
	 */
	public Complaint getComplaint() {
		return this.complaint;
	}

	@Override
	public String getComplaintId() {
		return this.complaint.complaintId();
	}

	public ComplaintState getComplaintState() {
		return this.complaint.complaintState();
	}

	@Override
	public String toString() {
		return "ComplaintReconciledEvent[merchant=" + getMerchantName() + ", complaintId=" + getComplaintId()
				+ ", state=" + getComplaintState() + ", userComplaintTimes=" + this.complaint.userComplaintTimes()
				+ "]";
	}

}
