package io.github.wechatpaycomplaint.deadline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wechatpaycomplaint.deadline.event.ComplaintDeadlineEvent;

import org.springframework.context.event.EventListener;

/**
 * Records every deadline event an application publishes.
 */
public class DeadlineRecorder {

	final List<ComplaintDeadlineEvent> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(ComplaintDeadlineEvent event) {
		this.events.add(event);
	}

	List<String> describe() {
		return this.events.stream()
			.map((event) -> event.getClass().getSimpleName() + ":" + event.getComplaintId())
			.toList();
	}

}
