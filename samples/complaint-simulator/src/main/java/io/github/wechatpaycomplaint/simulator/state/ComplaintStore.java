package io.github.wechatpaycomplaint.simulator.state;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import tools.jackson.databind.JsonNode;

/**
 * The complaints of the simulated merchant and the life WeChat Pay gives them: a reply
 * moves PENDING to PROCESSING, completing (or rejecting a refund, or a refund arriving)
 * moves to PROCESSED, every step adds to the negotiation history and is reported to the
 * change listener, which sends the notification.
 *
 * @since 0.1.0
 */
public final class ComplaintStore {

	private static final String USER = "投诉人";

	private static final String MERCHANT = "商户";

	private static final String SYSTEM = "系统";

	private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

	private final Map<String, Complaint> complaints = new LinkedHashMap<>();

	private final Map<String, String> immediateReplies = new HashMap<>();

	private final ComplaintFactory factory;

	private final Clock clock;

	private final Consumer<ComplaintChange> listener;

	private long logSequence;

	/**
	 * Creates a store.
	 * @param random the source of made-up complaint data
	 * @param clock the clock
	 * @param merchantId the merchant complaints are filed against
	 * @param images where user images are kept
	 * @param listener told of every change WeChat Pay would notify
	 */
	public ComplaintStore(Random random, Clock clock, String merchantId, ImageStore images,
			Consumer<ComplaintChange> listener) {
		this(random, clock, merchantId, images, new AtomicLong()::incrementAndGet, listener);
	}

	/**
	 * Creates a store that numbers its complaints from a sequence shared with other
	 * stores, so that the complaint ids of several merchants never collide.
	 * @param random the source of made-up complaint data
	 * @param clock the clock
	 * @param merchantId the merchant complaints are filed against
	 * @param images where user images are kept
	 * @param complaintNumbers the next complaint number, one apart from every other
	 * @param listener told of every change WeChat Pay would notify
	 */
	public ComplaintStore(Random random, Clock clock, String merchantId, ImageStore images,
			LongSupplier complaintNumbers, Consumer<ComplaintChange> listener) {
		this.factory = new ComplaintFactory(random, clock, merchantId, images, complaintNumbers);
		this.clock = clock;
		this.listener = listener;
	}

	/**
	 * Files a new complaint: {@code USER_CREATE_COMPLAINT}, notified as
	 * {@code COMPLAINT.CREATE}.
	 * @param request what to file
	 * @return the complaint
	 */
	public Complaint file(NewComplaint request) {
		Complaint complaint;
		synchronized (this) {
			complaint = this.factory.create(request);
			this.complaints.put(complaint.getId(), complaint);
			complaint.addHistory(entry(USER, "USER_CREATE_COMPLAINT", complaint.getDetail(), List.of(), null));
		}
		this.listener.accept(new ComplaintChange(complaint.getId(), ComplaintChange.CREATE, "CREATE_COMPLAINT"));
		return complaint;
	}

	public synchronized Optional<Complaint> find(String complaintId) {
		return Optional.ofNullable(this.complaints.get(complaintId));
	}

	/**
	 * The complaints filed between two days (China time), newest first.
	 * @param begin the first day
	 * @param end the last day
	 * @param merchantId only this accused merchant, or {@code null} for all
	 * @return the complaints
	 */
	public synchronized List<Complaint> list(LocalDate begin, LocalDate end, String merchantId) {
		return this.complaints.values().stream().filter((complaint) -> {
			LocalDate day = complaint.getComplaintTime().toLocalDate();
			return !day.isBefore(begin) && !day.isAfter(end);
		})
			.filter((complaint) -> merchantId == null || merchantId.equals(complaint.getMerchantId()))
			.sorted(Comparator.comparing(Complaint::getComplaintTime).reversed())
			.toList();
	}

	/**
	 * Every complaint, oldest first.
	 * @return the complaints
	 */
	public synchronized List<Complaint> all() {
		return List.copyOf(this.complaints.values());
	}

	/**
	 * The merchant replies: {@code MERCHANT_RESPONSE}; the first reply moves PENDING to
	 * PROCESSING.
	 * @param complaint the complaint
	 * @param content the reply
	 * @param images media ids of uploaded images
	 */
	public void reply(Complaint complaint, String content, List<String> images) {
		synchronized (this) {
			merchantResponse(complaint, content, images, null);
		}
		notify(complaint, "MERCHANT_RESPONSE");
	}

	/**
	 * The merchant replies to an immediate-service complaint; the same idempotent id is
	 * processed once.
	 * @param complaint the complaint
	 * @param idempotentId the merchant's idempotent id
	 * @param content the text of the message
	 * @param message the rich message
	 * @return the {@code log_id} of the reply (the first one's, for a repeated idempotent
	 * id)
	 */
	public String replyImmediately(Complaint complaint, String idempotentId, String content, JsonNode message) {
		String logId;
		synchronized (this) {
			String key = complaint.getId() + "/" + idempotentId;
			String earlier = this.immediateReplies.get(key);
			if (earlier != null) {
				return earlier;
			}
			logId = merchantResponse(complaint, content, List.of(), message);
			this.immediateReplies.put(key, logId);
		}
		notify(complaint, "MERCHANT_RESPONSE");
		return logId;
	}

	/**
	 * The merchant completes the complaint: PROCESSED, {@code MERCHANT_CONFIRM_COMPLETE}.
	 * @param complaint the complaint
	 */
	public void complete(Complaint complaint) {
		synchronized (this) {
			if (complaint.getState() == ComplaintState.PROCESSED) {
				throw new InvalidComplaintOperationException("投诉单已处理完成，无需重复操作 (the complaint is already PROCESSED)");
			}
			complaint.setState(ComplaintState.PROCESSED);
			complaint.addHistory(entry(MERCHANT, "MERCHANT_CONFIRM_COMPLETE", "", List.of(), null));
		}
		notify(complaint, "MERCHANT_CONFIRM_COMPLETE");
	}

	/**
	 * The merchant approves the refund request: the complaint waits for the refund to
	 * arrive.
	 * @param complaint the complaint
	 * @param launchRefundDay working days until the refund is launched, or {@code null}
	 */
	public void approveRefund(Complaint complaint, Integer launchRefundDay) {
		synchronized (this) {
			checkRefundable(complaint);
			complaint.setRefundAction("APPROVE");
			moveToProcessing(complaint);
			String details = (launchRefundDay != null) ? "预计" + launchRefundDay + "个工作日内发起退款" : "";
			complaint.addHistory(entry(MERCHANT, "MERCHANT_APPROVE_REFUND", details, List.of(), null));
		}
		notify(complaint, "MERCHANT_APPROVE_REFUND");
	}

	/**
	 * The merchant rejects the refund request, which also completes the complaint.
	 * @param complaint the complaint
	 * @param reason the reason
	 * @param images media ids of the evidence
	 */
	public void rejectRefund(Complaint complaint, String reason, List<String> images) {
		synchronized (this) {
			checkRefundable(complaint);
			complaint.setRefundAction("REJECT");
			complaint.setState(ComplaintState.PROCESSED);
			complaint.addHistory(entry(MERCHANT, "MERCHANT_REFUSE_RERUND", reason, images, null));
		}
		notify(complaint, "MERCHANT_REJECT_REFUND");
	}

	/**
	 * The approved refund reaches the user: fully refunded and PROCESSED.
	 * @param complaint the complaint
	 */
	public void refundArrived(Complaint complaint) {
		synchronized (this) {
			if (!"APPROVE".equals(complaint.getRefundAction()) || complaint.isFullRefunded()) {
				throw new InvalidComplaintOperationException(
						"退款申请未被同意或已到账 (no approved refund is waiting for this complaint)");
			}
			complaint.setFullRefunded(true);
			complaint.setState(ComplaintState.PROCESSED);
			complaint.addHistory(entry(SYSTEM, "COMPLAINT_REFUND_RECEIVED_SYSTEM_MESSAGE", "退款已到账", List.of(), null));
		}
		notify(complaint, "REFUND_SUCCESS");
	}

	/**
	 * The user writes a message: {@code USER_RESPONSE}, waiting for the merchant.
	 * @param complaint the complaint
	 * @param content the message
	 */
	public void userResponse(Complaint complaint, String content) {
		synchronized (this) {
			complaint.setIncomingUserResponse(true);
			complaint.addHistory(entry(USER, "USER_RESPONSE", content, List.of(), null));
		}
		notify(complaint, "USER_RESPONSE");
	}

	/**
	 * The user continues (re-opens) the complaint: PENDING again,
	 * {@code user_complaint_times} grows.
	 * @param complaint the complaint
	 * @param content why
	 */
	public void continueComplaint(Complaint complaint, String content) {
		synchronized (this) {
			complaint.setState(ComplaintState.PENDING);
			complaint.setIncomingUserResponse(true);
			complaint.addHistory(entry(USER, "USER_CONTINUE_COMPLAINT", content, List.of(), null));
		}
		notify(complaint, "CONTINUE_COMPLAINT");
	}

	private String merchantResponse(Complaint complaint, String content, List<String> images, JsonNode message) {
		moveToProcessing(complaint);
		complaint.setIncomingUserResponse(false);
		HistoryEntry entry = entry(MERCHANT, "MERCHANT_RESPONSE", content, images, message);
		complaint.addHistory(entry);
		return entry.logId();
	}

	private static void moveToProcessing(Complaint complaint) {
		if (complaint.getState() == ComplaintState.PENDING) {
			complaint.setState(ComplaintState.PROCESSING);
		}
	}

	private static void checkRefundable(Complaint complaint) {
		if (!"REFUND".equals(complaint.getProblemType())) {
			throw new InvalidComplaintOperationException(
					"该投诉单不是申请退款类型 (only a complaint with problem_type REFUND has a refund to approve or reject)");
		}
		if (complaint.getRefundAction() != null || complaint.getState() == ComplaintState.PROCESSED) {
			throw new InvalidComplaintOperationException(
					"该投诉单的退款申请已处理 (the refund request of this complaint was already answered)");
		}
	}

	private HistoryEntry entry(String operator, String type, String details, List<String> images, JsonNode message) {
		OffsetDateTime now = OffsetDateTime.now(this.clock)
			.withOffsetSameInstant(ComplaintFactory.CHINA)
			.truncatedTo(ChronoUnit.MILLIS);
		String logId = "3002000" + now.format(LOG_TIME) + String.format(Locale.ROOT, "%06d", ++this.logSequence);
		return new HistoryEntry(logId, operator, now, type, details, images, message);
	}

	private void notify(Complaint complaint, String actionType) {
		this.listener.accept(new ComplaintChange(complaint.getId(), ComplaintChange.STATE_CHANGE, actionType));
	}

}
