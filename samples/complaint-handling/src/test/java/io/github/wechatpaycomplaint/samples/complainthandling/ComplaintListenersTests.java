package io.github.wechatpaycomplaint.samples.complainthandling;

import java.time.Duration;
import java.time.Instant;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.deadline.event.FirstReplyDueSoonEvent;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.model.PayerPhone;
import io.github.wechatpaycomplaint.model.UploadedImage;
import io.github.wechatpaycomplaint.model.request.ComplaintReply;
import io.github.wechatpaycomplaint.model.request.ImageUpload;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import io.github.wechatpaycomplaint.notification.event.ComplaintCreatedEvent;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;
import io.github.wechatpaycomplaint.testkit.NotificationDefect;
import io.github.wechatpaycomplaint.testkit.WechatPayNotification;
import io.github.wechatpaycomplaint.testkit.WechatPayTestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How a host application of several merchants tests its own listeners with the test kit:
 * a correctly signed and encrypted notification of one merchant (or a broken one) posted
 * with MockMvc to the starter's endpoint, and each merchant's WeChat Pay client mocked.
 * The sample processes notifications durably: the endpoint records them in the inbox and
 * answers 204, and the inbox's workers run the listeners afterwards, so each test waits
 * until the inbox has nothing pending before it looks at what the listeners did.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:complaint-listeners-tests;DB_CLOSE_DELAY=-1",
		"wechatpay.complaint.notification.inbox.poll-interval=20ms" })
@AutoConfigureMockMvc
@Import(ReceivedEvents.class)
@ExtendWith(OutputCaptureExtension.class)
class ComplaintListenersTests {

	// Each merchant's own throw-away keys, as the application.yml entries "main" and "hk"
	static final WechatPayTestKeys main = WechatPayTestKeys.shared("1900000001");

	static final WechatPayTestKeys hk = WechatPayTestKeys.shared("1900000002");

	private static final String PATH = WechatPayNotification.DEFAULT_PATH;

	private static final String COMPLAINT_ID = "200000020250613090012345678";

	private static final String DETAIL = "Charged twice for one order";

	private static final JsonMapper json = new JsonMapper();

	@DynamicPropertySource
	static void wechatPayProperties(DynamicPropertyRegistry registry) {
		main.register(registry, "main");
		hk.register(registry, "hk");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ReceivedEvents received;

	@Autowired
	NotificationInbox inbox;

	@Autowired
	ApplicationEventPublisher events;

	// The real registry (it also finds the merchant of each notification), with each
	// merchant's client replaced by a mock.
	@MockitoSpyBean
	WechatPayMerchants merchants;

	WechatPayComplaintClient mainClient = mock(WechatPayComplaintClient.class);

	WechatPayComplaintClient hkClient = mock(WechatPayComplaintClient.class);

	@BeforeEach
	void mockEachMerchantsClient() {
		this.received.clear();
		willReturn(this.mainClient).given(this.merchants).client("main");
		willReturn(this.hkClient).given(this.merchants).client("hk");
	}

	@Test
	void newComplaintIsRepliedToWithTheEvidenceImageAndCompletedThroughItsMerchantsClient(CapturedOutput output)
			throws Exception {
		given(this.hkClient.getComplaint(COMPLAINT_ID)).willReturn(complaint("PENDING", hk));
		given(this.hkClient.uploadImage(any(ImageUpload.class))).willReturn(new UploadedImage("file752398_7983424"));
		WechatPayNotification notification = hk.notification().complaintCreated(COMPLAINT_ID).build();

		this.mvc.perform(notification.toMockMvc(PATH + "/hk")).andExpect(status().isNoContent());
		awaitInboxDrained();

		// Of the resource, the inbox kept the complaint id and the action type only.
		assertThat(this.received.all()).singleElement()
			.isInstanceOf(ComplaintCreatedEvent.class)
			.satisfies((event) -> assertThat(event.getResource().propertyNames()).containsOnly("complaint_id",
					"action_type"));
		ArgumentCaptor<ComplaintReply> reply = ArgumentCaptor.forClass(ComplaintReply.class);
		then(this.hkClient).should().reply(eq(COMPLAINT_ID), reply.capture());
		assertThat(reply.getValue().complaintedMchid()).isEqualTo(mchid(hk));
		assertThat(reply.getValue().responseImages()).containsExactly("file752398_7983424");
		then(this.hkClient).should().complete(COMPLAINT_ID, mchid(hk));
		verifyNoInteractions(this.mainClient);
		// ids only: neither the complaint's text nor the payer's phone, not even masked
		assertThat(output).contains("[hk] complaint " + COMPLAINT_ID + " filed (state PENDING)")
			.doesNotContain(DETAIL, "13800138000", "138****8000");
	}

	@Test
	void aNotificationOnTheSharedPathReachesTheListenerWithTheMerchantOfItsSerial() throws Exception {
		given(this.mainClient.getComplaint(COMPLAINT_ID)).willReturn(complaint("PROCESSED", main));
		WechatPayNotification notification = main.notification().complaintCreated(COMPLAINT_ID).build();

		this.mvc.perform(notification.toMockMvc(PATH)).andExpect(status().isNoContent());
		awaitInboxDrained();

		assertThat(this.received.all()).singleElement()
			.satisfies((event) -> assertThat(event.getMerchantName()).isEqualTo("main"));
		then(this.mainClient).should().getComplaint(COMPLAINT_ID);
		verifyNoInteractions(this.hkClient);
	}

	@Test
	void complaintThatIsProcessedAlreadyIsLeftAlone() throws Exception {
		given(this.mainClient.getComplaint(COMPLAINT_ID)).willReturn(complaint("PROCESSED", main));
		WechatPayNotification notification = main.notification().complaintCreated(COMPLAINT_ID).build();

		this.mvc.perform(notification.toMockMvc(PATH + "/main")).andExpect(status().isNoContent());
		awaitInboxDrained();

		then(this.mainClient).should().getComplaint(COMPLAINT_ID);
		then(this.mainClient).shouldHaveNoMoreInteractions();
	}

	@Test
	void complaintInAStateThisVersionDoesNotKnowIsLeftToAPerson(CapturedOutput output) throws Exception {
		given(this.mainClient.getComplaint(COMPLAINT_ID)).willReturn(complaint("ESCALATED", main));
		WechatPayNotification notification = main.notification().complaintCreated(COMPLAINT_ID).build();

		this.mvc.perform(notification.toMockMvc(PATH + "/main")).andExpect(status().isNoContent());
		awaitInboxDrained();

		then(this.mainClient).should().getComplaint(COMPLAINT_ID);
		then(this.mainClient).shouldHaveNoMoreInteractions();
		assertThat(output).contains("is in state ESCALATED, which this version does not know");
	}

	@Test
	void aComplaintOfTypeOthersIsLeftToAPerson(CapturedOutput output) throws Exception {
		given(this.mainClient.getComplaint(COMPLAINT_ID)).willReturn(complaint("PENDING", "OTHERS", main));
		WechatPayNotification notification = main.notification().complaintCreated(COMPLAINT_ID).build();

		this.mvc.perform(notification.toMockMvc(PATH + "/main")).andExpect(status().isNoContent());
		awaitInboxDrained();

		then(this.mainClient).should().getComplaint(COMPLAINT_ID);
		then(this.mainClient).shouldHaveNoMoreInteractions();
		assertThat(output).contains("[main] complaint " + COMPLAINT_ID + " is of type OTHERS: left to a person");
	}

	@Test
	void aFirstReplyDueSoonIsEscalatedWithAHoldingReplyThroughTheMerchantTheEventNames(CapturedOutput output) {
		given(this.hkClient.getComplaint(COMPLAINT_ID)).willReturn(complaint("PENDING", "OTHERS", hk));

		this.events.publishEvent(new FirstReplyDueSoonEvent(this, "hk", mchid(hk), COMPLAINT_ID, 1,
				Instant.parse("2025-06-14T01:00:12Z")));

		ArgumentCaptor<ComplaintReply> reply = ArgumentCaptor.forClass(ComplaintReply.class);
		then(this.hkClient).should().reply(eq(COMPLAINT_ID), reply.capture());
		assertThat(reply.getValue().complaintedMchid()).isEqualTo(mchid(hk));
		assertThat(reply.getValue().responseContent()).isEqualTo(DeadlineEscalation.HOLDING_REPLY);
		verifyNoInteractions(this.mainClient);
		assertThat(output)
			.contains("WARN",
					"[hk] complaint " + COMPLAINT_ID
							+ " has no reply and its first reply is due by 2025-06-14T01:00:12Z: escalated")
			.doesNotContain(DETAIL, "13800138000", "138****8000");
	}

	@Test
	void aComplaintAnsweredMeanwhileGetsNoHoldingReply() {
		given(this.mainClient.getComplaint(COMPLAINT_ID)).willReturn(complaint("PROCESSING", "OTHERS", main));

		this.events.publishEvent(new FirstReplyDueSoonEvent(this, "main", mchid(main), COMPLAINT_ID, 1,
				Instant.parse("2025-06-14T01:00:12Z")));

		then(this.mainClient).should().getComplaint(COMPLAINT_ID);
		then(this.mainClient).shouldHaveNoMoreInteractions();
	}

	@Test
	void sameNotificationTwiceReachesTheListenerOnce() throws Exception {
		given(this.mainClient.getComplaint(COMPLAINT_ID)).willReturn(complaint("PROCESSED", main));
		WechatPayNotification notification = main.notification().complaintCreated(COMPLAINT_ID).build();

		this.mvc.perform(notification.toMockMvc(PATH + "/main")).andExpect(status().is2xxSuccessful());
		this.mvc.perform(notification.toMockMvc(PATH + "/main")).andExpect(status().is2xxSuccessful());
		awaitInboxDrained();

		assertThat(this.received.all()).hasSize(1);
		then(this.mainClient).should().getComplaint(COMPLAINT_ID);
	}

	@Test
	void aMerchantsNotificationOnAnotherMerchantsPathIsRefusedAndReachesNoListener() throws Exception {
		WechatPayNotification notification = hk.notification().complaintCreated(COMPLAINT_ID).build();

		this.mvc.perform(notification.toMockMvc(PATH + "/main")).andExpect(status().isForbidden());

		assertThat(this.received.all()).isEmpty();
		verifyNoInteractions(this.mainClient, this.hkClient);
	}

	@Test
	void tamperedNotificationIsRefusedAndReachesNoListener() throws Exception {
		WechatPayNotification notification = main.notification()
			.complaintCreated(COMPLAINT_ID)
			.defect(NotificationDefect.TAMPERED_BODY)
			.build();

		this.mvc.perform(notification.toMockMvc(PATH + "/main")).andExpect(status().isUnauthorized());

		assertThat(this.received.all()).isEmpty();
		verifyNoInteractions(this.mainClient, this.hkClient);
	}

	// Recorded entries are published and marked done once every listener returned.
	private void awaitInboxDrained() {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.inbox.backlog().pending() == 0);
	}

	private static String mchid(WechatPayTestKeys merchant) {
		return merchant.simulatorKeys().merchantId();
	}

	private static Complaint complaint(String state, WechatPayTestKeys merchant) {
		return complaint(state, "REFUND", merchant);
	}

	private static Complaint complaint(String state, String problemType, WechatPayTestKeys merchant) {
		Complaint complaint = json.readValue("""
				{"complaint_id": "%s", "complaint_time": "2025-06-13T09:00:12+08:00",
				 "complaint_detail": "%s", "complaint_state": "%s",
				 "complainted_mchid": "%s", "problem_type": "%s", "incoming_user_response": false}
				""".formatted(COMPLAINT_ID, DETAIL, state, mchid(merchant), problemType), Complaint.class);
		return complaint.withPayerPhone(PayerPhone.decrypted("c2VjcmV0", "13800138000"));
	}

}
