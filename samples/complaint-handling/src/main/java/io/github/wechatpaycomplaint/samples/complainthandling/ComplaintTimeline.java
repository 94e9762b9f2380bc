package io.github.wechatpaycomplaint.samples.complainthandling;

import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Logs every complaint notification the starter accepted, with its merchant, before any
 * other listener acts on it; a notification WeChat Pay sends again with the same id is
 * de-duplicated by the starter and never reaches this log.
 */
@Component
public class ComplaintTimeline {

	private static final Logger logger = LoggerFactory.getLogger(ComplaintTimeline.class);

	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	public void onNotification(ComplaintNotificationEvent event) {
		logger.info("[{}] complaint {} notified: {} {} (notification {})", event.getMerchantName(),
				event.getComplaintId(), event.getEventType(), event.getRawActionType(), event.getNotificationId());
	}

}
