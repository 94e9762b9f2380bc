package io.github.wechatpaycomplaint.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintApiAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.client.WechatPayApiException;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.model.message.MessageBlock;
import io.github.wechatpaycomplaint.model.message.NormalMessage;
import io.github.wechatpaycomplaint.model.message.SenderIdentity;
import io.github.wechatpaycomplaint.model.message.TextBlock;
import io.github.wechatpaycomplaint.model.request.ComplaintReply;
import io.github.wechatpaycomplaint.model.request.ImmediateServiceReply;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client tells an application's activity listener about successful detail reads,
 * replies and completions only, and a listener that throws does not fail the call.
 */
class ComplaintActivityListenerTests {

	private static final String ID = "200000020261120101522000001";

	private static final String PATH = "/v3/merchant-service/complaints-v2/" + ID;

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final Recorder recorder = new Recorder();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
				ComplaintClientAutoConfiguration.class, ComplaintApiAutoConfiguration.class))
		.withPropertyValues(this.wechatPay.publicKeyModeProperties())
		.withPropertyValues("wechatpay.complaint.client.rate-limit.enabled=false",
				"wechatpay.complaint.client.retry.max-attempts=1")
		.withBean(ComplaintActivityListener.class, () -> this.recorder);

	@Test
	void successfulCallsAreTold() {
		this.wechatPay.stub(get(urlPathEqualTo(PATH)).willReturn(this.wechatPay.signedAnswer(200,
				"{\"complaint_id\":\"" + ID + "\",\"complaint_time\":\"2026-11-20T10:15:22+08:00\","
						+ "\"complaint_detail\":\"Charged twice\",\"complaint_state\":\"PENDING\","
						+ "\"complainted_mchid\":\"1900000001\",\"user_complaint_times\":1}")));
		this.wechatPay.stub(post(urlPathEqualTo(PATH + "/response")).willReturn(this.wechatPay.signedAnswer(204, "")));
		this.wechatPay.stub(post(urlPathEqualTo(PATH + "/response-immediate-service"))
			.willReturn(this.wechatPay.signedAnswer(200, "{\"log_id\":\"log-1\"}")));
		this.wechatPay.stub(post(urlPathEqualTo(PATH + "/complete")).willReturn(this.wechatPay.signedAnswer(204, "")));
		this.contextRunner.run((context) -> {
			WechatPayComplaintClient client = context.getBean(WechatPayComplaintClient.class);
			client.getComplaint(ID);
			client.reply(ID, ComplaintReply.builder(WechatPayStandIn.MCHID, "已处理").build());
			client.replyImmediateService(ID, ImmediateServiceReply.of(WechatPayStandIn.MCHID,
					new NormalMessage(List.of(MessageBlock.text(TextBlock.of("稍等"))), SenderIdentity.MANUAL, null),
					"idem-1"));
			client.complete(ID, WechatPayStandIn.MCHID);
			assertThat(this.recorder.told).containsExactly("read:" + ID, "replied:" + ID, "replied:" + ID,
					"completed:" + ID);
		});
	}

	@Test
	void failedCallsAreNotTold() {
		this.wechatPay.stub(post(urlPathEqualTo(PATH + "/response"))
			.willReturn(this.wechatPay.signedAnswer(400, "{\"code\":\"PARAM_ERROR\",\"message\":\"bad\"}")));
		this.contextRunner.run((context) -> {
			WechatPayComplaintClient client = context.getBean(WechatPayComplaintClient.class);
			assertThatExceptionOfType(WechatPayApiException.class)
				.isThrownBy(() -> client.reply(ID, ComplaintReply.builder(WechatPayStandIn.MCHID, "已处理").build()));
			assertThat(this.recorder.told).isEmpty();
		});
	}

	@Test
	void aListenerThatThrowsDoesNotFailTheCall() {
		this.wechatPay.stub(post(urlPathEqualTo(PATH + "/complete")).willReturn(this.wechatPay.signedAnswer(204, "")));
		this.recorder.fail = true;
		this.contextRunner.run((context) -> {
			context.getBean(WechatPayComplaintClient.class).complete(ID, WechatPayStandIn.MCHID);
			assertThat(this.recorder.told).containsExactly("completed:" + ID);
		});
	}

	static final class Recorder implements ComplaintActivityListener {

		final List<String> told = new CopyOnWriteArrayList<>();

		volatile boolean fail;

		@Override
		public void complaintRead(Complaint complaint) {
			tell("read:" + complaint.complaintId());
		}

		@Override
		public void replied(String complaintId) {
			tell("replied:" + complaintId);
		}

		@Override
		public void completed(String complaintId) {
			tell("completed:" + complaintId);
		}

		private void tell(String what) {
			this.told.add(what);
			if (this.fail) {
				throw new IllegalStateException("listener down");
			}
		}

	}

}
