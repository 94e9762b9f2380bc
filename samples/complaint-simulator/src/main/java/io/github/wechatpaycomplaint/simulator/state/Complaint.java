package io.github.wechatpaycomplaint.simulator.state;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One simulated complaint and everything WeChat Pay keeps about it. Changed only through
 * {@link ComplaintStore}.
 *
 * @since 0.1.0
 */
public final class Complaint {

	private final String id;

	private final OffsetDateTime complaintTime;

	private final String detail;

	private final String merchantId;

	private final String payerPhone;

	private final String payerOpenid;

	private final String transactionId;

	private final String outTradeNo;

	private final int amount;

	private final String problemType;

	private final String problemDescription;

	private final boolean needImmediateService;

	private final List<String> userImages;

	private final List<HistoryEntry> history = new CopyOnWriteArrayList<>();

	private volatile ComplaintState state = ComplaintState.PENDING;

	private volatile boolean incomingUserResponse;

	private volatile boolean fullRefunded;

	private volatile String refundAction;

	Complaint(String id, OffsetDateTime complaintTime, String detail, String merchantId, String payerPhone,
			String payerOpenid, String transactionId, String outTradeNo, int amount, String problemType,
			String problemDescription, boolean needImmediateService, List<String> userImages) {
		this.id = id;
		this.complaintTime = complaintTime;
		this.detail = detail;
		this.merchantId = merchantId;
		this.payerPhone = payerPhone;
		this.payerOpenid = payerOpenid;
		this.transactionId = transactionId;
		this.outTradeNo = outTradeNo;
		this.amount = amount;
		this.problemType = problemType;
		this.problemDescription = problemDescription;
		this.needImmediateService = needImmediateService;
		this.userImages = List.copyOf(userImages);
	}

	public String getId() {
		return this.id;
	}

	public OffsetDateTime getComplaintTime() {
		return this.complaintTime;
	}

	public String getDetail() {
		return this.detail;
	}

	public String getMerchantId() {
		return this.merchantId;
	}

	/**
	 * The complainant's phone number in plain text; WeChat Pay only ever sends it
	 * encrypted.
	 * @return the phone number
	 */
	public String getPayerPhone() {
		return this.payerPhone;
	}

	public String getPayerOpenid() {
		return this.payerOpenid;
	}

	public String getTransactionId() {
		return this.transactionId;
	}

	public String getOutTradeNo() {
		return this.outTradeNo;
	}

	public int getAmount() {
		return this.amount;
	}

	public String getProblemType() {
		return this.problemType;
	}

	public String getProblemDescription() {
		return this.problemDescription;
	}

	public boolean isNeedImmediateService() {
		return this.needImmediateService;
	}

	/**
	 * Media ids of the images the user attached when filing.
	 * @return the media ids
	 */
	public List<String> getUserImages() {
		return this.userImages;
	}

	/**
	 * The negotiation history, oldest first.
	 * @return a snapshot of the history
	 */
	public List<HistoryEntry> getHistory() {
		return List.copyOf(this.history);
	}

	public ComplaintState getState() {
		return this.state;
	}

	public boolean isIncomingUserResponse() {
		return this.incomingUserResponse;
	}

	public boolean isFullRefunded() {
		return this.fullRefunded;
	}

	/**
	 * How the merchant answered a refund request.
	 * @return {@code APPROVE}, {@code REJECT}, or {@code null}
	 */
	public String getRefundAction() {
		return this.refundAction;
	}

	/**
	 * How many times the user complained ({@code user_complaint_times}).
	 * @return 1 plus one per continued complaint
	 */
	public int getUserComplaintTimes() {
		return (int) (1 + this.history.stream()
			.filter((entry) -> "USER_CONTINUE_COMPLAINT".equals(entry.operateType()))
			.count());
	}

	void addHistory(HistoryEntry entry) {
		this.history.add(entry);
	}

	void setState(ComplaintState state) {
		this.state = state;
	}

	void setIncomingUserResponse(boolean incomingUserResponse) {
		this.incomingUserResponse = incomingUserResponse;
	}

	void setFullRefunded(boolean fullRefunded) {
		this.fullRefunded = fullRefunded;
	}

	void setRefundAction(String refundAction) {
		this.refundAction = refundAction;
	}

}
