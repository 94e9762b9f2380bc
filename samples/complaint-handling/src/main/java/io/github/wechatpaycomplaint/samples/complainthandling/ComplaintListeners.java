package io.github.wechatpaycomplaint.samples.complainthandling;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.model.ProblemType;
import io.github.wechatpaycomplaint.model.request.ComplaintReply;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import io.github.wechatpaycomplaint.notification.event.ComplaintContinuedEvent;
import io.github.wechatpaycomplaint.notification.event.ComplaintCreatedEvent;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.notification.event.UserRespondedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Answers complaints as their notifications arrive, for every merchant of the
 * application, deciding from the complaint's current state so that a redelivered
 * notification never answers twice.
 *
 * <p>
 * Each notification names its merchant
 * ({@link ComplaintNotificationEvent#getMerchantName()}, the entry under
 * {@code wechatpay.complaint.merchants}); every call goes through that merchant's own
 * client, since a complaint is only known to the merchant it was filed against.
 *
 * <p>
 * The flow:
 * <ul>
 * <li>A mainland complaint of problem type {@code OTHERS} (neither a refund nor a service
 * that failed: a rude shop assistant, say) is left to a person (Hong Kong complaints
 * carry no problem type and are all answered here): the sample does not answer it, so its
 * 24-hour first-reply clock runs, and {@link DeadlineEscalation} sends a holding reply
 * when that reply comes due.</li>
 * <li>Any other new (or continued) complaint: fetch the detail; if PENDING, upload the
 * evidence image, reply with it and complete; if PROCESSING (an earlier delivery replied,
 * then failed before completing), only complete; if PROCESSED, do nothing.</li>
 * <li>A user's message: fetch the detail; if {@code incoming_user_response} says it is
 * still unanswered, reply to it; otherwise it was answered already.</li>
 * </ul>
 *
 * <p>
 * The sample processes notifications durably: the endpoint records each in the inbox and
 * answers 204, and the inbox's workers call these methods afterwards; an exception is
 * retried with back-off, and delivery is at least once, which is why every step first
 * looks at the state. (With in-request processing the starter calls them inside WeChat
 * Pay's request instead: an exception answers 500 and WeChat Pay sends the notification
 * again, and the work must stay within WeChat Pay's 5 seconds.) A real application
 * completes a complaint only once the problem is solved (completing sends the user a
 * satisfaction survey); this sample solves every problem it answers with its first reply.
 *
 * <p>
 * The log shows ids and states only: the complaint text, the user's messages and the
 * payer's phone are personal data.
 */
@Component
public class ComplaintListeners {

	static final String FIRST_REPLY = "您好，已为您全额退款，退款凭证见图片。Sorry for the trouble: your order is refunded in full, "
			+ "see the receipt.";

	static final String FOLLOW_UP_REPLY = "收到您的留言，我们会在24小时内回复。Thank you for your message: we will get back to "
			+ "you within 24 hours.";

	private static final Logger logger = LoggerFactory.getLogger(ComplaintListeners.class);

	private final WechatPayMerchants merchants;

	private final EvidenceImage evidence;

	public ComplaintListeners(WechatPayMerchants merchants, EvidenceImage evidence) {
		this.merchants = merchants;
		this.evidence = evidence;
	}

	@EventListener({ ComplaintCreatedEvent.class, ComplaintContinuedEvent.class })
	public void onNewComplaint(ComplaintNotificationEvent event) {
		String merchant = event.getMerchantName();
		String id = event.getComplaintId();
		WechatPayComplaintClient wechatPay = this.merchants.client(merchant);
		Complaint complaint = wechatPay.getComplaint(id);
		logger.info("[{}] complaint {} {} (state {})", merchant, id,
				(event instanceof ComplaintContinuedEvent) ? "continued" : "filed", complaint.complaintState());
		if (complaint.problemType() == ProblemType.OTHERS) {
			logger.info("[{}] complaint {} is of type OTHERS: left to a person, not answered here", merchant, id);
			return;
		}
		switch (complaint.complaintState()) {
			case PROCESSED -> {
				logger.info("[{}] complaint {} is PROCESSED already: nothing to do", merchant, id);
				return;
			}
			case UNKNOWN -> {
				// A state WeChat Pay added after this release: left to a person rather
				// than guessed.
				logger.warn("[{}] complaint {} is in state {}, which this version does not know: not handled", merchant,
						id, complaint.rawComplaintState());
				return;
			}
			case PENDING -> {
				String mediaId = wechatPay.uploadImage(this.evidence.upload()).mediaId();
				logger.info("[{}] complaint {} uploaded image media_id={}", merchant, id, mediaId);
				wechatPay.reply(id,
						ComplaintReply.builder(complaint.complaintedMchid(), FIRST_REPLY)
							.responseImages(mediaId)
							.build());
				logger.info("[{}] complaint {} replied with the image: state PROCESSING", merchant, id);
			}
			case PROCESSING -> logger.info("[{}] complaint {} was replied to before: completing it", merchant, id);
		}
		wechatPay.complete(id, complaint.complaintedMchid());
		logger.info("[{}] complaint {} completed: state PROCESSED", merchant, id);
	}

	@EventListener
	public void onUserResponse(UserRespondedEvent event) {
		String merchant = event.getMerchantName();
		String id = event.getComplaintId();
		WechatPayComplaintClient wechatPay = this.merchants.client(merchant);
		Complaint complaint = wechatPay.getComplaint(id);
		if (!Boolean.TRUE.equals(complaint.incomingUserResponse())) {
			logger.info("[{}] complaint {}: the user's message was answered already (state {})", merchant, id,
					complaint.complaintState());
			return;
		}
		wechatPay.reply(id, ComplaintReply.builder(complaint.complaintedMchid(), FOLLOW_UP_REPLY).build());
		logger.info("[{}] complaint {}: replied to the user's message (state {})", merchant, id,
				complaint.complaintState());
	}

}
