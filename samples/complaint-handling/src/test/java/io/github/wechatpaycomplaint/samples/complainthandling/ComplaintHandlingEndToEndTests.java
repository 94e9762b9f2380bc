package io.github.wechatpaycomplaint.samples.complainthandling;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.wechatpaycomplaint.deadline.DeadlineWatcher;
import io.github.wechatpaycomplaint.deadline.event.ComplaintDeadlineEvent;
import io.github.wechatpaycomplaint.deadline.event.FirstReplyDueSoonEvent;
import io.github.wechatpaycomplaint.deadline.event.ResolutionDueSoonEvent;
import io.github.wechatpaycomplaint.deadline.event.ResolutionOverdueEvent;
import io.github.wechatpaycomplaint.notification.event.ComplaintCreatedEvent;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.notification.event.UserRespondedEvent;
import io.github.wechatpaycomplaint.simulator.SimulatedMerchant;
import io.github.wechatpaycomplaint.simulator.notify.DeliveryAttempt;
import io.github.wechatpaycomplaint.simulator.notify.NotificationDelivery;
import io.github.wechatpaycomplaint.simulator.state.Complaint;
import io.github.wechatpaycomplaint.simulator.state.ComplaintState;
import io.github.wechatpaycomplaint.simulator.state.HistoryEntry;
import io.github.wechatpaycomplaint.simulator.state.NewComplaint;
import io.github.wechatpaycomplaint.testkit.WechatPaySimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The whole story on a real port against the simulator, for each of the sample's two
 * merchants, the mainland {@code main} and the Hong Kong {@code hk}: WeChat Pay notifies
 * the merchant's own path, the starter verifies with that merchant's keys, decrypts,
 * de-duplicates and publishes an event that names the merchant, the sample's listeners
 * fetch, upload, reply and complete through that merchant's client, and that merchant's
 * state in the simulator shows it, while the other merchant's shows nothing. Every
 * notification is delivered twice, as WeChat Pay sometimes does. The application and the
 * simulator share the test kit's movable clock, so a complaint the sample leaves to a
 * person is seen a day and three days later: escalated with a holding reply, then
 * overdue.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("simulator")
@AutoConfigureMockMvc
@Import({ ReceivedEvents.class, ComplaintHandlingEndToEndTests.SimulatorClock.class })
class ComplaintHandlingEndToEndTests {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	// Complaints the sample answers by itself (OTHERS it leaves to a person).
	private static final NewComplaint A_REFUND = new NewComplaint(null, null, "REFUND", null);

	private static final NewComplaint A_RUDE_ASSISTANT = new NewComplaint("The shop assistant was rude.", 1990,
			"OTHERS", false);

	@RegisterExtension
	static final WechatPaySimulatorExtension wechatPay = new WechatPaySimulatorExtension(
			(settings) -> SimulatedComplaintHandlingApplication.merchants(settings.alwaysDuplicate(true)));

	@DynamicPropertySource
	static void wechatPayProperties(DynamicPropertyRegistry registry) {
		wechatPay.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	ReceivedEvents received;

	@Autowired
	DeadlineWatcher watcher;

	@Autowired
	MockMvcTester mvc;

	@BeforeEach
	void pointEachMerchantsNotificationsAtItsOwnPath() {
		for (SimulatedMerchant merchant : wechatPay.simulator().merchants()) {
			merchant.callbackUrl(URI
				.create("http://127.0.0.1:" + this.port + "/wechatpay/complaint-notifications/" + merchant.name()));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "main", "hk" })
	void newComplaintIsRepliedToWithAnImageAndCompletedOnceAlthoughEveryNotificationArrivesTwice(String name) {
		SimulatedMerchant merchant = wechatPay.merchant(name);
		String id = merchant.fileComplaint(A_REFUND);

		await().atMost(PATIENCE).until(() -> complaint(merchant, id).getState() == ComplaintState.PROCESSED);
		assertThat(complaint(merchant, id).getHistory()).extracting(HistoryEntry::operateType)
			.containsExactly("USER_CREATE_COMPLAINT", "MERCHANT_RESPONSE", "MERCHANT_CONFIRM_COMPLETE");
		HistoryEntry reply = complaint(merchant, id).getHistory().get(1);
		assertThat(reply.operateDetails()).isEqualTo(ComplaintListeners.FIRST_REPLY);
		assertThat(reply.imageList()).hasSize(1);

		// CREATE_COMPLAINT, MERCHANT_RESPONSE, MERCHANT_CONFIRM_COMPLETE: each sent
		// twice, each answered 2xx at once
		await().atMost(PATIENCE).until(() -> finishedDeliveries(merchant, id).size() == 6);
		assertThat(finishedDeliveries(merchant, id)).allSatisfy(ComplaintHandlingEndToEndTests::answeredAtOnceWith2xx);
		assertThat(finishedDeliveries(merchant, id)).filteredOn(NotificationDelivery::isDuplicate).hasSize(3);

		// ... and each notification became one event of this merchant: the duplicates
		// became none (the inbox's workers publish them after the 204, so wait for the
		// recorder)
		await().atMost(PATIENCE).until(() -> this.received.of(id).size() >= 3);
		assertThat(this.received.of(id)).extracting(ComplaintNotificationEvent::getRawActionType)
			.containsExactlyInAnyOrder("CREATE_COMPLAINT", "MERCHANT_RESPONSE", "MERCHANT_CONFIRM_COMPLETE");
		assertThat(this.received.of(id)).allSatisfy((event) -> {
			assertThat(event.getMerchantName()).isEqualTo(name);
			assertThat(event.getMerchantId()).isEqualTo(merchant.merchantId());
		});
		assertThat(this.received.of(id, ComplaintCreatedEvent.class)).hasSize(1);
		assertOnlyThisMerchantKnowsIt(merchant, id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "main", "hk" })
	void usersMessageIsAnsweredOnce(String name) {
		SimulatedMerchant merchant = wechatPay.merchant(name);
		String id = merchant.fileComplaint(A_REFUND);
		await().atMost(PATIENCE).until(() -> complaint(merchant, id).getState() == ComplaintState.PROCESSED);

		merchant.userResponse(id, "When will the refund arrive?");

		await().atMost(PATIENCE).until(() -> !complaint(merchant, id).isIncomingUserResponse());
		await().atMost(PATIENCE)
			.until(() -> finishedDeliveries(merchant, id).stream()
				.filter((delivery) -> delivery.getActionType().equals("USER_RESPONSE"))
				.count() == 2);
		await().atMost(PATIENCE).until(() -> !this.received.of(id, UserRespondedEvent.class).isEmpty());
		assertThat(this.received.of(id, UserRespondedEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.getMerchantName()).isEqualTo(name));
		List<HistoryEntry> history = complaint(merchant, id).getHistory();
		assertThat(history).extracting(HistoryEntry::operateType)
			.containsExactly("USER_CREATE_COMPLAINT", "MERCHANT_RESPONSE", "MERCHANT_CONFIRM_COMPLETE", "USER_RESPONSE",
					"MERCHANT_RESPONSE");
		assertThat(history.get(4).operateDetails()).isEqualTo(ComplaintListeners.FOLLOW_UP_REPLY);
		assertThat(complaint(merchant, id).getState()).isEqualTo(ComplaintState.PROCESSED);
	}

	// Mainland complaints only: Hong Kong ones carry no problem type, and the sample
	// answers them all.
	@Test
	void aComplaintLeftToAPersonIsEscalatedWithAHoldingReplyWhenItsFirstReplyIsDueSoon() {
		String name = "main";
		SimulatedMerchant merchant = wechatPay.merchant(name);
		String id = merchant.fileComplaint(A_RUDE_ASSISTANT);
		await().atMost(PATIENCE).until(() -> !this.received.of(id, ComplaintCreatedEvent.class).isEmpty());
		// Both deliveries answered before time moves on (a signature 21 hours old is
		// stale).
		await().atMost(PATIENCE).until(() -> finishedDeliveries(merchant, id).size() == 2);
		assertThat(complaint(merchant, id).getState()).isEqualTo(ComplaintState.PENDING);

		wechatPay.clock().advance(Duration.ofHours(21));

		// The escalation replied (its listener is done before the recorder sees the
		// event).
		await().atMost(PATIENCE).until(() -> !deadlineEvents(id, FirstReplyDueSoonEvent.class).isEmpty());
		assertThat(complaint(merchant, id).getState()).isEqualTo(ComplaintState.PROCESSING);
		await().atMost(PATIENCE).until(() -> finishedDeliveries(merchant, id).size() == 4);
		assertThat(complaint(merchant, id).getHistory())
			.extracting(HistoryEntry::operateType, HistoryEntry::operateDetails)
			.containsExactly(tuple("USER_CREATE_COMPLAINT", "The shop assistant was rude."),
					tuple("MERCHANT_RESPONSE", DeadlineEscalation.HOLDING_REPLY));
		assertThat(this.mvc.get().uri("/complaints/urgent")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[?(@.ref.complaintId == '" + id + "')].ref.merchantName")
			.asArray()
			.containsExactly(name);

		wechatPay.clock().advance(Duration.ofHours(40));
		await().atMost(PATIENCE).until(() -> !deadlineEvents(id, ResolutionDueSoonEvent.class).isEmpty());
		wechatPay.clock().advance(Duration.ofHours(12));
		await().atMost(PATIENCE).until(() -> !deadlineEvents(id, ResolutionOverdueEvent.class).isEmpty());
		this.watcher.scan();

		// The holding reply met the first-reply deadline: never overdue; each threshold
		// came once, of this merchant.
		assertThat(this.received.deadlinesOf(id)).extracting(Object::getClass)
			.containsExactly(FirstReplyDueSoonEvent.class, ResolutionDueSoonEvent.class, ResolutionOverdueEvent.class);
		assertThat(this.received.deadlinesOf(id)).allSatisfy((event) -> {
			assertThat(event.getMerchantName()).isEqualTo(name);
			assertThat(event.getRound()).isEqualTo(1);
		});
		assertThat(complaint(merchant, id).getHistory()).hasSize(2);
		assertOnlyThisMerchantKnowsIt(merchant, id);
	}

	private List<ComplaintDeadlineEvent> deadlineEvents(String id, Class<? extends ComplaintDeadlineEvent> type) {
		return this.received.deadlinesOf(id).stream().filter(type::isInstance).toList();
	}

	// The other merchant neither has the complaint nor was notified of it.
	private static void assertOnlyThisMerchantKnowsIt(SimulatedMerchant merchant, String id) {
		wechatPay.simulator()
			.merchants()
			.stream()
			.filter((other) -> !other.name().equals(merchant.name()))
			.forEach((other) -> {
				assertThat(other.complaint(id)).as(other.name()).isEmpty();
				assertThat(other.deliveries()).extracting(NotificationDelivery::getComplaintId).doesNotContain(id);
			});
	}

	private static Complaint complaint(SimulatedMerchant merchant, String id) {
		return merchant.complaint(id).orElseThrow();
	}

	private static List<NotificationDelivery> finishedDeliveries(SimulatedMerchant merchant, String complaintId) {
		return merchant.deliveries()
			.stream()
			.filter((delivery) -> delivery.getComplaintId().equals(complaintId))
			.filter(NotificationDelivery::isFinished)
			.toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SimulatorClock {

		// The application signs, checks freshness and judges deadlines by the clock the
		// simulator runs on.
		@Bean
		Clock clock() {
			return wechatPay.clock();
		}

	}

	private static void answeredAtOnceWith2xx(NotificationDelivery delivery) {
		assertThat(delivery.getAttempts()).as(delivery.toString())
			.singleElement()
			.extracting(DeliveryAttempt::status)
			.satisfies((status) -> assertThat(status).isBetween(200, 299));
	}

}
