package io.github.wechatpaycomplaint.samples.complainthandling;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.model.PayerPhone;
import io.github.wechatpaycomplaint.model.UploadedImage;
import io.github.wechatpaycomplaint.model.request.ComplaintReply;
import io.github.wechatpaycomplaint.model.request.ImageUpload;
import io.github.wechatpaycomplaint.notification.event.ComplaintCreatedEvent;
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
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How a host application tests its own listeners with the test kit: a correctly signed
 * and encrypted notification (or a broken one) posted with MockMvc to the starter's
 * endpoint, and the WeChat Pay client mocked.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ReceivedEvents.class)
@ExtendWith(OutputCaptureExtension.class)
class ComplaintListenersTests {

	static final WechatPayTestKeys wechatPay = WechatPayTestKeys.shared();

	private static final String COMPLAINT_ID = "200000020250613090012345678";

	private static final String MCHID = "1900000001";

	private static final JsonMapper json = new JsonMapper();

	@DynamicPropertySource
	static void wechatPayProperties(DynamicPropertyRegistry registry) {
		wechatPay.register(registry);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ReceivedEvents received;

	@MockitoBean
	WechatPayComplaintClient client;

	@BeforeEach
	void forget() {
		this.received.clear();
	}

	@Test
	void newComplaintIsRepliedToWithTheEvidenceImageAndCompleted(CapturedOutput output) throws Exception {
		given(this.client.getComplaint(COMPLAINT_ID)).willReturn(complaint("PENDING"));
		given(this.client.uploadImage(any(ImageUpload.class))).willReturn(new UploadedImage("file752398_7983424"));
		WechatPayNotification notification = wechatPay.notification().complaintCreated(COMPLAINT_ID).build();

		this.mvc.perform(notification.toMockMvc()).andExpect(status().isNoContent());

		assertThat(this.received.all()).singleElement().isInstanceOf(ComplaintCreatedEvent.class);
		ArgumentCaptor<ComplaintReply> reply = ArgumentCaptor.forClass(ComplaintReply.class);
		then(this.client).should().reply(eq(COMPLAINT_ID), reply.capture());
		assertThat(reply.getValue().complaintedMchid()).isEqualTo(MCHID);
		assertThat(reply.getValue().responseImages()).containsExactly("file752398_7983424");
		then(this.client).should().complete(COMPLAINT_ID, MCHID);
		assertThat(output).contains("payer phone 138****8000").doesNotContain("13800138000");
	}

	@Test
	void complaintThatIsProcessedAlreadyIsLeftAlone() throws Exception {
		given(this.client.getComplaint(COMPLAINT_ID)).willReturn(complaint("PROCESSED"));
		WechatPayNotification notification = wechatPay.notification().complaintCreated(COMPLAINT_ID).build();

		this.mvc.perform(notification.toMockMvc()).andExpect(status().isNoContent());

		then(this.client).should().getComplaint(COMPLAINT_ID);
		then(this.client).shouldHaveNoMoreInteractions();
	}

	@Test
	void complaintInAStateThisVersionDoesNotKnowIsLeftToAPerson(CapturedOutput output) throws Exception {
		given(this.client.getComplaint(COMPLAINT_ID)).willReturn(complaint("ESCALATED"));
		WechatPayNotification notification = wechatPay.notification().complaintCreated(COMPLAINT_ID).build();

		this.mvc.perform(notification.toMockMvc()).andExpect(status().isNoContent());

		then(this.client).should().getComplaint(COMPLAINT_ID);
		then(this.client).shouldHaveNoMoreInteractions();
		assertThat(output).contains("is in state ESCALATED, which this version does not know");
	}

	@Test
	void sameNotificationTwiceReachesTheListenerOnce() throws Exception {
		given(this.client.getComplaint(COMPLAINT_ID)).willReturn(complaint("PROCESSED"));
		WechatPayNotification notification = wechatPay.notification().complaintCreated(COMPLAINT_ID).build();

		this.mvc.perform(notification.toMockMvc()).andExpect(status().is2xxSuccessful());
		this.mvc.perform(notification.toMockMvc()).andExpect(status().is2xxSuccessful());

		assertThat(this.received.all()).hasSize(1);
		then(this.client).should().getComplaint(COMPLAINT_ID);
	}

	@Test
	void tamperedNotificationIsRefusedAndReachesNoListener() throws Exception {
		WechatPayNotification notification = wechatPay.notification()
			.complaintCreated(COMPLAINT_ID)
			.defect(NotificationDefect.TAMPERED_BODY)
			.build();

		this.mvc.perform(notification.toMockMvc()).andExpect(status().isUnauthorized());

		assertThat(this.received.all()).isEmpty();
		verifyNoInteractions(this.client);
	}

	private static Complaint complaint(String state) {
		Complaint complaint = json.readValue("""
				{"complaint_id": "%s", "complaint_time": "2025-06-13T09:00:12+08:00",
				 "complaint_detail": "Charged twice for one order", "complaint_state": "%s",
				 "complainted_mchid": "%s", "problem_type": "REFUND", "incoming_user_response": false}
				""".formatted(COMPLAINT_ID, state, MCHID), Complaint.class);
		return complaint.withPayerPhone(PayerPhone.decrypted("c2VjcmV0", "13800138000"));
	}

}
