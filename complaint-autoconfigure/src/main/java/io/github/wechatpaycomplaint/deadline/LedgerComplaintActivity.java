package io.github.wechatpaycomplaint.deadline;

import java.time.Clock;
import java.util.Objects;

import io.github.wechatpaycomplaint.api.ComplaintActivityListener;
import io.github.wechatpaycomplaint.model.Complaint;

/**
 * Records what one merchant's complaint client read and did into the ledger: a detail
 * read is observed, a reply stops the first-reply clock, a completion both clocks, at the
 * clock's now.
 *
 * @since 0.1.0
 */
public final class LedgerComplaintActivity implements ComplaintActivityListener {

	private final ComplaintLedgerFeeder feeder;

	private final String merchantName;

	private final String merchantId;

	private final Clock clock;

	/**
	 * Creates the listener of one merchant's client.
	 * @param feeder records the facts
	 * @param merchantName the merchant's entry name
	 * @param merchantId its merchant id
	 * @param clock stamps the facts
	 */
	public LedgerComplaintActivity(ComplaintLedgerFeeder feeder, String merchantName, String merchantId, Clock clock) {
		this.feeder = Objects.requireNonNull(feeder, "feeder");
		this.merchantName = Objects.requireNonNull(merchantName, "merchantName");
		this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	@Override
	public void complaintRead(Complaint complaint) {
		this.feeder.recordRead(ref(complaint.complaintId()), complaint, this.clock.instant());
	}

	@Override
	public void replied(String complaintId) {
		this.feeder.record(ref(complaintId), new ComplaintFact.MerchantReplied(this.clock.instant()));
	}

	@Override
	public void completed(String complaintId) {
		this.feeder.record(ref(complaintId), new ComplaintFact.Completed(this.clock.instant()));
	}

	private ComplaintRef ref(String complaintId) {
		return new ComplaintRef(this.merchantName, this.merchantId, complaintId);
	}

	@Override
	public String toString() {
		return "LedgerComplaintActivity[merchant=" + this.merchantName + "]";
	}

}
