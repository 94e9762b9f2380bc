package io.github.wechatpaycomplaint.samples.complainthandling;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wechatpaycomplaint.deadline.event.ComplaintDeadlineEvent;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Records every complaint event and deadline event the starter publishes, for the tests
 * to count.
 */
@TestConfiguration(proxyBeanMethods = false)
class ReceivedEvents {

	private final List<ComplaintNotificationEvent> events = new CopyOnWriteArrayList<>();

	private final List<ComplaintDeadlineEvent> deadlineEvents = new CopyOnWriteArrayList<>();

	@EventListener
	void on(ComplaintNotificationEvent event) {
		this.events.add(event);
	}

	// After the sample's own listeners: recorded once the escalation is done.
	@EventListener
	@Order(Ordered.LOWEST_PRECEDENCE)
	void on(ComplaintDeadlineEvent event) {
		this.deadlineEvents.add(event);
	}

	List<ComplaintDeadlineEvent> deadlinesOf(String complaintId) {
		return this.deadlineEvents.stream().filter((event) -> event.getComplaintId().equals(complaintId)).toList();
	}

	List<ComplaintNotificationEvent> all() {
		return List.copyOf(this.events);
	}

	List<ComplaintNotificationEvent> of(String complaintId) {
		return this.events.stream().filter((event) -> event.getComplaintId().equals(complaintId)).toList();
	}

	<E extends ComplaintNotificationEvent> List<E> of(String complaintId, Class<E> type) {
		return of(complaintId).stream().filter(type::isInstance).map(type::cast).toList();
	}

	void clear() {
		this.events.clear();
	}

}
