package io.github.wechatpaycomplaint.samples.complainthandling;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.deadline.event.ComplaintDeadlineEvent;
import io.github.wechatpaycomplaint.deadline.event.FirstReplyDueSoonEvent;
import io.github.wechatpaycomplaint.deadline.event.FirstReplyOverdueEvent;
import io.github.wechatpaycomplaint.deadline.event.PlatformServiceRequestedEvent;
import io.github.wechatpaycomplaint.deadline.event.ResolutionDueSoonEvent;
import io.github.wechatpaycomplaint.deadline.event.ResolutionOverdueEvent;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.model.ComplaintState;
import io.github.wechatpaycomplaint.model.request.ComplaintReply;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Escalates complaints whose deadlines come near ({@code wechatpay.complaint.deadlines}):
 * a complaint still without a first reply 4 hours before its 24-hour deadline (the ones
 * {@link ComplaintListeners} leaves to a person) is logged as a warning for the people on
 * duty and given a holding reply through its merchant's client, so that WeChat Pay's
 * first-reply deadline is met while a person works on it; every later deadline event is
 * logged. The events come from the starter's deadline watcher, on its thread; the log
 * shows ids and instants only, never the complaint's text.
 */
@Component
public class DeadlineEscalation {

	static final String HOLDING_REPLY = "您好，您的反馈已转交专人处理，我们会尽快联系您。Thank you: a member of our team is looking into "
			+ "this and will contact you shortly.";

	private static final Logger logger = LoggerFactory.getLogger(DeadlineEscalation.class);

	private final WechatPayMerchants merchants;

	public DeadlineEscalation(WechatPayMerchants merchants) {
		this.merchants = merchants;
	}

	// Ahead of other listeners of the event (paging, dashboards): the reply is what
	// meets the deadline.
	@EventListener
	@Order(0)
	public void onFirstReplyDueSoon(FirstReplyDueSoonEvent event) {
		String merchant = event.getMerchantName();
		String id = event.getComplaintId();
		logger.warn("[{}] complaint {} has no reply and its first reply is due by {}: escalated to the people on duty",
				merchant, id, event.getDeadline());
		WechatPayComplaintClient wechatPay = this.merchants.client(merchant);
		Complaint complaint = wechatPay.getComplaint(id);
		if (complaint.complaintState() != ComplaintState.PENDING) {
			logger.info("[{}] complaint {} is {} already: no holding reply", merchant, id, complaint.complaintState());
			return;
		}
		wechatPay.reply(id, ComplaintReply.builder(complaint.complaintedMchid(), HOLDING_REPLY).build());
		logger.info("[{}] complaint {} got a holding reply: the first-reply deadline is met", merchant, id);
	}

	@EventListener
	public void onLaterDeadlines(ComplaintDeadlineEvent event) {
		String merchant = event.getMerchantName();
		String id = event.getComplaintId();
		if (event instanceof FirstReplyOverdueEvent || event instanceof ResolutionOverdueEvent) {
			logger.error("[{}] complaint {} is overdue since {} ({}): WeChat Pay may decide it against the merchant",
					merchant, id, event.getDeadline(), event.getClass().getSimpleName());
		}
		else if (event instanceof ResolutionDueSoonEvent) {
			logger.warn("[{}] complaint {} must be resolved by {}: still open", merchant, id, event.getDeadline());
		}
		else if (event instanceof PlatformServiceRequestedEvent) {
			logger.warn("[{}] complaint {}: the user asked WeChat Pay to step in", merchant, id);
		}
	}

}
