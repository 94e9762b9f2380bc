package io.github.wechatpaycomplaint.samples.complainthandling;

import java.util.Comparator;
import java.util.Optional;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.model.NegotiationHistoryEntry;
import io.github.wechatpaycomplaint.model.OperateType;
import io.github.wechatpaycomplaint.model.request.ComplaintReply;
import io.github.wechatpaycomplaint.notification.event.ComplaintContinuedEvent;
import io.github.wechatpaycomplaint.notification.event.ComplaintCreatedEvent;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.notification.event.UserRespondedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Answers complaints as their notifications arrive, deciding from the complaint's current
 * state so that a redelivered notification never answers twice.
 *
 * <p>
 * The flow:
 * <ul>
 * <li>A new (or continued) complaint: fetch the detail; if PENDING, upload the evidence
 * image, reply with it and complete; if PROCESSING (an earlier delivery replied, then
 * failed before completing), only complete; if PROCESSED, do nothing.</li>
 * <li>A user's message: fetch the detail; if {@code incoming_user_response} says it is
 * still unanswered, reply to it; otherwise it was answered already.</li>
 * </ul>
 *
 * <p>
 * The starter calls these methods synchronously inside WeChat Pay's notification request:
 * an exception makes it answer 500 and WeChat Pay delivers the notification again later,
 * which is why every step first looks at the state. Keep the work short (WeChat Pay waits
 * about 5 seconds for the answer); slow work belongs on a queue. A real application
 * completes a complaint only once the problem is solved (completing sends the user a
 * satisfaction survey); this sample solves every problem with its first reply.
 */
@Component
public class ComplaintListeners {

	static final String FIRST_REPLY = "您好，已为您全额退款，退款凭证见图片。Sorry for the trouble: your order is refunded in full, "
			+ "see the receipt.";

	static final String FOLLOW_UP_REPLY = "收到您的留言，我们会在24小时内回复。Thank you for your message: we will get back to "
			+ "you within 24 hours.";

	private static final Logger logger = LoggerFactory.getLogger(ComplaintListeners.class);

	private static final int SHOWN_DETAIL = 60;

	private final WechatPayComplaintClient wechatPay;

	private final EvidenceImage evidence;

	public ComplaintListeners(WechatPayComplaintClient wechatPay, EvidenceImage evidence) {
		this.wechatPay = wechatPay;
		this.evidence = evidence;
	}

	@EventListener({ ComplaintCreatedEvent.class, ComplaintContinuedEvent.class })
	public void onNewComplaint(ComplaintNotificationEvent event) {
		String id = event.getComplaintId();
		Complaint complaint = this.wechatPay.getComplaint(id);
		// PayerPhone masks itself (138****8000); never log reveal().
		logger.info("complaint {} {}: \"{}\" (problem {}, payer phone {}, state {})", id,
				(event instanceof ComplaintContinuedEvent) ? "continued" : "filed",
				shorten(complaint.complaintDetail()), complaint.problemType(), complaint.payerPhone(),
				complaint.complaintState());
		switch (complaint.complaintState()) {
			case PROCESSED -> {
				logger.info("complaint {} is PROCESSED already: nothing to do", id);
				return;
			}
			case UNKNOWN -> {
				// A state WeChat Pay added after this release: left to a person rather
				// than guessed.
				logger.warn("complaint {} is in state {}, which this version does not know: not handled", id,
						complaint.rawComplaintState());
				return;
			}
			case PENDING -> {
				String mediaId = this.wechatPay.uploadImage(this.evidence.upload()).mediaId();
				logger.info("complaint {} uploaded image media_id={}", id, mediaId);
				this.wechatPay.reply(id,
						ComplaintReply.builder(complaint.complaintedMchid(), FIRST_REPLY)
							.responseImages(mediaId)
							.build());
				logger.info("complaint {} replied with the image: state PROCESSING", id);
			}
			case PROCESSING -> logger.info("complaint {} was replied to before: completing it", id);
		}
		this.wechatPay.complete(id, complaint.complaintedMchid());
		logger.info("complaint {} completed: state PROCESSED", id);
	}

	@EventListener
	public void onUserResponse(UserRespondedEvent event) {
		String id = event.getComplaintId();
		Complaint complaint = this.wechatPay.getComplaint(id);
		if (!Boolean.TRUE.equals(complaint.incomingUserResponse())) {
			logger.info("complaint {}: the user's message was answered already (state {})", id,
					complaint.complaintState());
			return;
		}
		String message = lastUserMessage(id).map(NegotiationHistoryEntry::operateDetails).orElse("");
		logger.info("complaint {} user wrote: \"{}\" (payer phone {}, state {})", id, shorten(message),
				complaint.payerPhone(), complaint.complaintState());
		this.wechatPay.reply(id, ComplaintReply.builder(complaint.complaintedMchid(), FOLLOW_UP_REPLY).build());
		logger.info("complaint {} replied to the user's message", id);
	}

	private Optional<NegotiationHistoryEntry> lastUserMessage(String complaintId) {
		return this.wechatPay.streamNegotiationHistory(complaintId)
			.filter((entry) -> entry.operateType() == OperateType.USER_RESPONSE)
			.max(Comparator.comparing(NegotiationHistoryEntry::operateTime));
	}

	private static String shorten(String text) {
		return (text.length() <= SHOWN_DETAIL) ? text : text.substring(0, SHOWN_DETAIL) + "…";
	}

}
