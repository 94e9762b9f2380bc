package io.github.wechatpaycomplaint.simulated;

import java.util.List;

import io.github.wechatpaycomplaint.client.WechatPayApiException;
import io.github.wechatpaycomplaint.crypto.internal.SensitiveDataCipher;
import io.github.wechatpaycomplaint.simulator.SimulatorSettings;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import io.github.wechatpaycomplaint.simulator.state.Complaint;
import io.github.wechatpaycomplaint.simulator.state.ComplaintState;
import io.github.wechatpaycomplaint.simulator.state.HistoryEntry;
import io.github.wechatpaycomplaint.simulator.state.NewComplaint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.github.wechatpaycomplaint.simulated.ComplaintRulesTests.get;
import static io.github.wechatpaycomplaint.simulated.ComplaintRulesTests.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A complaint's life through the starter's client: reply, complete, refunds, immediate
 * service, user messages, on mainland and Hong Kong paths, with answers computed from the
 * simulator's state.
 */
class ComplaintLifecycleTests {

	private static final String MAINLAND = "/v3/merchant-service/complaints-v2/";

	private static final String GLOBAL = "/v3/global/merchant-service/complaints/";

	private static final JsonMapper JSON = new JsonMapper();

	private static WechatPayComplaintSimulator simulator;

	@BeforeAll
	static void start() {
		simulator = WechatPayComplaintSimulator.start(SimulatorSettings.defaults().keys(StarterClient.KEYS));
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void aReplyMovesPendingToProcessingAndCompleteToProcessed() {
		String id = simulator.fileComplaint();
		StarterClient.with(simulator, (client) -> {
			assertThat(detail(client, MAINLAND + id).path("complaint_state").asString()).isEqualTo("PENDING");
			post(client, MAINLAND + id + "/response", reply("我们正在核实，2小时内回复"));
			assertThat(detail(client, MAINLAND + id).path("complaint_state").asString()).isEqualTo("PROCESSING");
			post(client, MAINLAND + id + "/complete", mchid());
			assertThat(detail(client, MAINLAND + id).path("complaint_state").asString()).isEqualTo("PROCESSED");
			JsonNode history = JSON.readTree(get(client, MAINLAND + id + "/negotiation-historys?limit=100&offset=0"));
			assertThat(history.path("total_count").asInt()).isEqualTo(3);
			assertThat(history.path("data").findValuesAsString("operate_type")).containsExactly("USER_CREATE_COMPLAINT",
					"MERCHANT_RESPONSE", "MERCHANT_CONFIRM_COMPLETE");
			assertThatExceptionOfType(WechatPayApiException.class)
				.isThrownBy(() -> post(client, MAINLAND + id + "/complete", mchid()))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("INVALID_REQUEST"));
		});
		assertThat(simulator.complaint(id).orElseThrow().getState()).isEqualTo(ComplaintState.PROCESSED);
	}

	@Test
	void theListAndTheDetailCarryThePhoneEncryptedForTheMerchant() {
		String id = simulator.fileComplaint(new NewComplaint("Charged twice", 2590, "REFUND", false));
		Complaint complaint = simulator.complaint(id).orElseThrow();
		StarterClient.with(simulator, (client) -> {
			JsonNode detail = detail(client, MAINLAND + id);
			assertThat(detail.path("complaint_detail").asString()).isEqualTo("Charged twice");
			assertThat(detail.path("apply_refund_amount").asInt()).isEqualTo(2590);
			assertThat(detail.path("payer_openid").asString()).isEqualTo(complaint.getPayerOpenid());
			assertThat(decrypt(detail.path("payer_phone").asString())).isEqualTo(complaint.getPayerPhone());
			JsonNode list = JSON
				.readTree(get(client, "/v3/merchant-service/complaints-v2?limit=50&" + StarterClient.listQuery()));
			JsonNode listed = list.path("data")
				.valueStream()
				.filter((item) -> id.equals(item.path("complaint_id").asString()))
				.findFirst()
				.orElseThrow();
			assertThat(listed.has("payer_openid")).isFalse();
			assertThat(decrypt(listed.path("payer_phone").asString())).isEqualTo(complaint.getPayerPhone());
		});
	}

	@Test
	void listPagesWithLimitAndOffset() {
		for (int i = 0; i < 3; i++) {
			simulator.fileComplaint();
		}
		int total = simulator.complaints().size();
		StarterClient.with(simulator, (client) -> {
			JsonNode first = JSON.readTree(
					get(client, "/v3/merchant-service/complaints-v2?limit=2&offset=0&" + StarterClient.listQuery()));
			assertThat(first.path("total_count").asInt()).isEqualTo(total);
			assertThat(first.path("data").size()).isEqualTo(2);
			JsonNode last = JSON.readTree(get(client, "/v3/merchant-service/complaints-v2?limit=2&offset=" + (total - 1)
					+ "&" + StarterClient.listQuery()));
			assertThat(last.has("total_count")).isFalse();
			assertThat(last.path("data").size()).isEqualTo(1);
		});
	}

	@Test
	void approvingARefundWaitsForTheRefundAndRejectingCompletes() {
		String approved = simulator.fileComplaint(new NewComplaint(null, 990, "REFUND", false));
		String rejected = simulator.fileComplaint(new NewComplaint(null, 990, "REFUND", false));
		StarterClient.with(simulator, (client) -> {
			post(client, MAINLAND + approved + "/update-refund-progress",
					"{\"action\":\"APPROVE\",\"launch_refund_day\":0}");
			post(client, MAINLAND + rejected + "/update-refund-progress",
					"{\"action\":\"REJECT\",\"reject_reason\":\"已核实未重复扣款\"}");
		});
		assertThat(simulator.complaint(approved).orElseThrow().getState()).isEqualTo(ComplaintState.PROCESSING);
		assertThat(lastEntry(rejected).operateType()).isEqualTo("MERCHANT_REFUSE_RERUND");
		assertThat(simulator.complaint(rejected).orElseThrow().getState()).isEqualTo(ComplaintState.PROCESSED);
		simulator.refundArrived(approved);
		Complaint refunded = simulator.complaint(approved).orElseThrow();
		assertThat(refunded.getState()).isEqualTo(ComplaintState.PROCESSED);
		assertThat(refunded.isFullRefunded()).isTrue();
		assertThat(refunded.getHistory()).extracting(HistoryEntry::operateType)
			.containsExactly("USER_CREATE_COMPLAINT", "MERCHANT_APPROVE_REFUND",
					"COMPLAINT_REFUND_RECEIVED_SYSTEM_MESSAGE");
	}

	@Test
	void anImmediateServiceReplyIsProcessedOncePerIdempotentId() {
		String id = simulator.fileComplaint(new NewComplaint(null, null, "SERVICE_NOT_WORK", true));
		String body = "{\"complainted_mchid\":\"" + simulator.keys().merchantId() + "\",\"idempotent_id\":\"k-1\","
				+ "\"message\":{\"sender_identity\":\"MANUAL\",\"blocks\":[{\"type\":\"TEXT\",\"text\":{\"text\":\"马上为您处理\"}}]}}";
		StarterClient.with(simulator, (client) -> {
			String first = JSON.readTree(post(client, MAINLAND + id + "/response-immediate-service", body))
				.path("log_id")
				.asString();
			String again = JSON.readTree(post(client, MAINLAND + id + "/response-immediate-service", body))
				.path("log_id")
				.asString();
			assertThat(again).isEqualTo(first).isNotEmpty();
			JsonNode history = JSON.readTree(get(client, MAINLAND + id + "/negotiation-historys"));
			assertThat(history.path("data").get(1).path("normal_message").path("sender_identity").asString())
				.isEqualTo("MANUAL");
		});
		assertThat(simulator.complaint(id).orElseThrow().getHistory()).hasSize(2);
		assertThat(lastEntry(id).operateDetails()).isEqualTo("马上为您处理");
		assertThat(simulator.complaint(id).orElseThrow().getState()).isEqualTo(ComplaintState.PROCESSING);
	}

	@Test
	void aUserMessageWaitsForTheMerchantUntilItReplies() {
		String id = simulator.fileComplaint();
		simulator.userResponse(id, "请问什么时候退款？");
		assertThat(simulator.complaint(id).orElseThrow().isIncomingUserResponse()).isTrue();
		StarterClient.with(simulator, (client) -> {
			assertThat(detail(client, MAINLAND + id).path("incoming_user_response").asBoolean()).isTrue();
			post(client, MAINLAND + id + "/response", reply("今天内退款"));
			assertThat(detail(client, MAINLAND + id).path("incoming_user_response").asBoolean()).isFalse();
		});
		assertThat(simulator.complaint(id).orElseThrow().getHistory()).extracting(HistoryEntry::operateType)
			.containsExactly("USER_CREATE_COMPLAINT", "USER_RESPONSE", "MERCHANT_RESPONSE");
	}

	@Test
	void hongKongPathsServeTheGlobalShapeAndTheSameLife() {
		String id = simulator.fileComplaint(new NewComplaint("Overcharged in HKD", 5000, null, false));
		StarterClient.with(simulator, (client) -> {
			JsonNode list = JSON.readTree(get(client,
					"/v3/global/merchant-service/complaints?limit=50&mch_language=EN&" + StarterClient.listQuery()));
			assertThat(list.path("data").findValuesAsString("complaint_id")).contains(id);
			JsonNode detail = detail(client, GLOBAL + id);
			assertThat(detail.path("complaint_order_info").get(0).path("settlement_currency").asString())
				.isEqualTo("HKD");
			assertThat(detail.has("problem_type")).isFalse();
			assertThat(detail.path("complaint_media_list").get(0).path("media_url").get(0).asString())
				.contains("/v3/global/merchant-service/images/", "?complaint_id=" + id);
			post(client, GLOBAL + id + "/response", reply("We are checking"));
			post(client, GLOBAL + id + "/complete", mchid());
			JsonNode history = JSON.readTree(get(client, GLOBAL + id + "/negotiation-historys?limit=10"));
			assertThat(history.path("data").findValuesAsString("operate_type")).containsExactly("USER_CREATE_COMPLAINT",
					"MERCHANT_RESPONSE", "MERCHANT_CONFIRM_COMPLETE");
		});
		assertThat(simulator.complaint(id).orElseThrow().getState()).isEqualTo(ComplaintState.PROCESSED);
	}

	private static JsonNode detail(org.springframework.web.client.RestClient client, String path) {
		return JSON.readTree(get(client, path));
	}

	private static String decrypt(String phone) {
		return SensitiveDataCipher.decrypt(simulator.keys().merchantKeys().getPrivate(), phone);
	}

	private static HistoryEntry lastEntry(String id) {
		List<HistoryEntry> history = simulator.complaint(id).orElseThrow().getHistory();
		return history.get(history.size() - 1);
	}

	private static String reply(String content) {
		return "{\"complainted_mchid\":\"" + simulator.keys().merchantId() + "\",\"response_content\":\"" + content
				+ "\"}";
	}

	private static String mchid() {
		return "{\"complainted_mchid\":\"" + simulator.keys().merchantId() + "\"}";
	}

}
