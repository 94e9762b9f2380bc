package io.github.wechatpaycomplaint.samples.complainthandling;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.wechatpaycomplaint.notification.event.ComplaintCreatedEvent;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.notification.event.UserRespondedEvent;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import io.github.wechatpaycomplaint.simulator.notify.DeliveryAttempt;
import io.github.wechatpaycomplaint.simulator.notify.NotificationDelivery;
import io.github.wechatpaycomplaint.simulator.state.Complaint;
import io.github.wechatpaycomplaint.simulator.state.ComplaintState;
import io.github.wechatpaycomplaint.simulator.state.HistoryEntry;
import io.github.wechatpaycomplaint.testkit.WechatPaySimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole story on a real port against the simulator: WeChat Pay notifies, the starter
 * verifies, decrypts, de-duplicates and publishes, the sample's listeners fetch, upload,
 * reply and complete, and the simulator's state shows it. Every notification is delivered
 * twice, as WeChat Pay sometimes does.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("simulator")
@Import(ReceivedEvents.class)
class ComplaintHandlingEndToEndTests {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	@RegisterExtension
	static final WechatPaySimulatorExtension wechatPay = new WechatPaySimulatorExtension(
			(settings) -> settings.alwaysDuplicate(true));

	@DynamicPropertySource
	static void wechatPayProperties(DynamicPropertyRegistry registry) {
		wechatPay.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	ReceivedEvents received;

	WechatPayComplaintSimulator simulator;

	@BeforeEach
	void pointNotificationsAtTheApplication() {
		this.simulator = wechatPay.simulator();
		this.simulator.callbackUrl(URI.create("http://127.0.0.1:" + this.port + "/wechatpay/complaint-notifications"));
	}

	@Test
	void newComplaintIsRepliedToWithAnImageAndCompletedOnceAlthoughEveryNotificationArrivesTwice() {
		String id = this.simulator.fileComplaint();

		await().atMost(PATIENCE).until(() -> complaint(id).getState() == ComplaintState.PROCESSED);
		assertThat(complaint(id).getHistory()).extracting(HistoryEntry::operateType)
			.containsExactly("USER_CREATE_COMPLAINT", "MERCHANT_RESPONSE", "MERCHANT_CONFIRM_COMPLETE");
		HistoryEntry reply = complaint(id).getHistory().get(1);
		assertThat(reply.operateDetails()).isEqualTo(ComplaintListeners.FIRST_REPLY);
		assertThat(reply.imageList()).hasSize(1);

		// CREATE_COMPLAINT, MERCHANT_RESPONSE, MERCHANT_CONFIRM_COMPLETE: each sent
		// twice, each answered 2xx at once
		await().atMost(PATIENCE).until(() -> finishedDeliveries(id).size() == 6);
		assertThat(finishedDeliveries(id)).allSatisfy(ComplaintHandlingEndToEndTests::answeredAtOnceWith2xx);
		assertThat(finishedDeliveries(id)).filteredOn(NotificationDelivery::isDuplicate).hasSize(3);

		// ... and each notification became one event: the duplicates became none
		assertThat(this.received.of(id)).extracting(ComplaintNotificationEvent::getRawActionType)
			.containsExactlyInAnyOrder("CREATE_COMPLAINT", "MERCHANT_RESPONSE", "MERCHANT_CONFIRM_COMPLETE");
		assertThat(this.received.of(id, ComplaintCreatedEvent.class)).hasSize(1);
	}

	@Test
	void usersMessageIsAnsweredOnce() {
		String id = this.simulator.fileComplaint();
		await().atMost(PATIENCE).until(() -> complaint(id).getState() == ComplaintState.PROCESSED);

		this.simulator.userResponse(id, "When will the refund arrive?");

		await().atMost(PATIENCE).until(() -> !complaint(id).isIncomingUserResponse());
		await().atMost(PATIENCE)
			.until(() -> finishedDeliveries(id).stream()
				.filter((delivery) -> delivery.getActionType().equals("USER_RESPONSE"))
				.count() == 2);
		assertThat(this.received.of(id, UserRespondedEvent.class)).hasSize(1);
		List<HistoryEntry> history = complaint(id).getHistory();
		assertThat(history).extracting(HistoryEntry::operateType)
			.containsExactly("USER_CREATE_COMPLAINT", "MERCHANT_RESPONSE", "MERCHANT_CONFIRM_COMPLETE", "USER_RESPONSE",
					"MERCHANT_RESPONSE");
		assertThat(history.get(4).operateDetails()).isEqualTo(ComplaintListeners.FOLLOW_UP_REPLY);
		assertThat(complaint(id).getState()).isEqualTo(ComplaintState.PROCESSED);
	}

	private Complaint complaint(String id) {
		return this.simulator.complaint(id).orElseThrow();
	}

	private List<NotificationDelivery> finishedDeliveries(String complaintId) {
		return this.simulator.deliveries()
			.stream()
			.filter((delivery) -> delivery.getComplaintId().equals(complaintId))
			.filter(NotificationDelivery::isFinished)
			.toList();
	}

	private static void answeredAtOnceWith2xx(NotificationDelivery delivery) {
		assertThat(delivery.getAttempts()).as(delivery.toString())
			.singleElement()
			.extracting(DeliveryAttempt::status)
			.satisfies((status) -> assertThat(status).isBetween(200, 299));
	}

}
