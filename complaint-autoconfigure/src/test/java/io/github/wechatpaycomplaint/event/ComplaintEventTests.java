package io.github.wechatpaycomplaint.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.notification.event.ComplaintActionType;
import io.github.wechatpaycomplaint.notification.event.ComplaintCreatedEvent;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.reconciliation.ComplaintReconciledEvent;
import io.github.wechatpaycomplaint.testsupport.Answers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ComplaintEvent} is the common parent of the notification and reconciliation
 * events: its listeners receive both, while the listeners of each kind keep receiving
 * only their own.
 */
class ComplaintEventTests {

	@Test
	void aListenerOfTheParentReceivesNotificationAndReconciliationEvents() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Listeners.class)) {
			ComplaintCreatedEvent created = created();
			ComplaintReconciledEvent reconciled = reconciled();
			context.publishEvent(created);
			context.publishEvent(reconciled);
			Listeners listeners = context.getBean(Listeners.class);
			assertThat(listeners.complaintEvents).containsExactly(created, reconciled);
			assertThat(listeners.notificationEvents).containsExactly(created);
			assertThat(listeners.reconciledEvents).containsExactly(reconciled);
			assertThat(listeners.hongKongEvents).containsExactly(created);
			assertThat(listeners.defaultMerchantEvents).containsExactly(reconciled);
		}
	}

	@Test
	void everyEventNamesItsComplaint() {
		List<ComplaintEvent> events = List.of(created(), reconciled());
		assertThat(events).extracting(ComplaintEvent::getComplaintId)
			.containsExactly("c-1", reconciled().getComplaint().complaintId());
	}

	@Test
	void everyEventNamesItsMerchant() {
		assertThat(List.of(created(), reconciled())).extracting(ComplaintEvent::getMerchantName)
			.containsExactly("hk", "default");
		assertThat(List.of(created(), reconciled())).extracting(ComplaintEvent::getMerchantId)
			.containsExactly("1900000110", "1900000109");
		assertThat(created().toString()).contains("merchant=hk");
		assertThat(reconciled().toString()).contains("merchant=default");
	}

	@Test
	void theHierarchyIsClosed() {
		assertThat(ComplaintNotificationEvent.class.isSealed()).isTrue();
		assertThat(ComplaintNotificationEvent.class.getPermittedSubclasses())
			.hasSize(ComplaintActionType.values().length);
		assertThat(ComplaintReconciledEvent.class).isFinal();
	}

	private static ComplaintCreatedEvent created() {
		return (ComplaintCreatedEvent) new ComplaintNotification("hk", "1900000110", "n-1", "COMPLAINT.CREATE",
				OffsetDateTime.parse("2025-06-13T09:02:41+08:00"), "产生新投诉", "c-1", ComplaintActionType.CREATE_COMPLAINT,
				"CREATE_COMPLAINT", "{\"complaint_id\":\"c-1\"}")
			.toEvent();
	}

	private static ComplaintReconciledEvent reconciled() {
		Complaint complaint = new JsonMapper().readValue(Answers.read("detail.json"), Complaint.class);
		return new ComplaintReconciledEvent(ComplaintEventTests.class, "default", "1900000109", complaint);
	}

	static class Listeners {

		final List<ComplaintEvent> complaintEvents = new CopyOnWriteArrayList<>();

		final List<ComplaintNotificationEvent> notificationEvents = new CopyOnWriteArrayList<>();

		final List<ComplaintReconciledEvent> reconciledEvents = new CopyOnWriteArrayList<>();

		final List<ComplaintEvent> hongKongEvents = new CopyOnWriteArrayList<>();

		final List<ComplaintEvent> defaultMerchantEvents = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ComplaintEvent event) {
			this.complaintEvents.add(event);
		}

		@EventListener
		void on(ComplaintNotificationEvent event) {
			this.notificationEvents.add(event);
		}

		@EventListener
		void on(ComplaintReconciledEvent event) {
			this.reconciledEvents.add(event);
		}

		@EventListener(condition = "event.merchantName == 'hk'")
		void onHongKong(ComplaintEvent event) {
			this.hongKongEvents.add(event);
		}

		@EventListener(condition = "event.merchantId == '1900000109'")
		void onDefaultMerchant(ComplaintEvent event) {
			this.defaultMerchantEvents.add(event);
		}

	}

}
