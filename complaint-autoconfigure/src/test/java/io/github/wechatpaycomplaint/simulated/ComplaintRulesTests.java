package io.github.wechatpaycomplaint.simulated;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.github.wechatpaycomplaint.client.WechatPayApiException;
import io.github.wechatpaycomplaint.simulator.SimulatorSettings;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import io.github.wechatpaycomplaint.simulator.state.NewComplaint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each of WeChat Pay's rules, refused with WeChat Pay's status and code, signed, through
 * the starter's client.
 */
class ComplaintRulesTests {

	private static final String LIST = "/v3/merchant-service/complaints-v2";

	private static WechatPayComplaintSimulator simulator;

	private static String complaintId;

	@BeforeAll
	static void start() {
		simulator = WechatPayComplaintSimulator
			.start(SimulatorSettings.defaults().keys(StarterClient.KEYS).initialComplaints(1));
		complaintId = simulator.complaints().get(0).getId();
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void listLimitIsBetweenOneAndFifty() {
		assertParamError("limit", (client) -> get(client, LIST + "?limit=51&offset=0&" + StarterClient.listQuery()));
		assertParamError("limit", (client) -> get(client, LIST + "?limit=0&" + StarterClient.listQuery()));
		StarterClient.with(simulator,
				(client) -> assertThat(get(client, LIST + "?limit=50&" + StarterClient.listQuery()))
					.contains("\"limit\":50"));
	}

	@Test
	void listDatesAreRequiredAndWellFormed() {
		LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
		assertParamError("begin_date", (client) -> get(client, LIST + "?end_date=" + today));
		assertParamError("end_date", (client) -> get(client, LIST + "?begin_date=" + today));
		assertParamError("begin_date", (client) -> get(client, LIST + "?begin_date=2025/06/01&end_date=" + today));
	}

	@Test
	void listSpansAtMostThirtyDays() {
		LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
		assertParamError("end_date",
				(client) -> get(client, LIST + "?begin_date=" + today.minusDays(31) + "&end_date=" + today));
		StarterClient.with(simulator,
				(client) -> assertThat(get(client, LIST + "?begin_date=" + today.minusDays(30) + "&end_date=" + today))
					.contains(complaintId));
	}

	@Test
	void historyLimitIsBetweenOneAndThreeHundred() {
		String history = LIST + "/" + complaintId + "/negotiation-historys";
		assertParamError("limit", (client) -> get(client, history + "?limit=301"));
		StarterClient.with(simulator,
				(client) -> assertThat(get(client, history + "?limit=300")).contains("USER_CREATE_COMPLAINT"));
	}

	@Test
	void anUnknownComplaintDoesNotExist() {
		assertError(404, "RESOURCE_NOT_EXISTS", (client) -> get(client, LIST + "/200000020990101000000000000"));
	}

	@Test
	void aReplyHasAtMostFiveHundredCharacters() {
		String reply = "{\"complainted_mchid\":\"" + merchant() + "\",\"response_content\":\"" + "好".repeat(501)
				+ "\"}";
		assertParamError("response_content", (client) -> post(client, response(), reply));
	}

	@Test
	void aReplyHasAtMostFourImages() {
		String reply = "{\"complainted_mchid\":\"" + merchant()
				+ "\",\"response_content\":\"ok\",\"response_images\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}";
		assertParamError("response_images", (client) -> post(client, response(), reply));
	}

	@Test
	void aReplyNamesOnlyUploadedImages() {
		String reply = "{\"complainted_mchid\":\"" + merchant()
				+ "\",\"response_content\":\"ok\",\"response_images\":[\"never-uploaded\"]}";
		assertParamError("response_images", (client) -> post(client, response(), reply));
	}

	@Test
	void aJumpUrlNeedsItsText() {
		String reply = "{\"complainted_mchid\":\"" + merchant()
				+ "\",\"response_content\":\"ok\",\"jump_url\":\"https://example.com/order\"}";
		assertParamError("jump_url_text", (client) -> post(client, response(), reply));
	}

	@Test
	void aReplyNamesTheAccusedMerchant() {
		assertParamError("complainted_mchid", (client) -> post(client, response(),
				"{\"complainted_mchid\":\"1900000999\",\"response_content\":\"ok\"}"));
		assertParamError("complainted_mchid", (client) -> post(client, response(), "{\"response_content\":\"ok\"}"));
	}

	@Test
	void aRefundActionIsApproveOrReject() {
		String id = simulator.fileComplaint(new NewComplaint(null, null, "REFUND", null));
		assertParamError("action",
				(client) -> post(client, LIST + "/" + id + "/update-refund-progress", "{\"action\":\"MAYBE\"}"));
		assertParamError("launch_refund_day", (client) -> post(client, LIST + "/" + id + "/update-refund-progress",
				"{\"action\":\"REJECT\",\"launch_refund_day\":1}"));
	}

	@Test
	void onlyARefundComplaintHasARefundToApprove() {
		String id = simulator.fileComplaint(new NewComplaint(null, null, "OTHERS", null));
		assertError(400, "INVALID_REQUEST",
				(client) -> post(client, LIST + "/" + id + "/update-refund-progress", "{\"action\":\"APPROVE\"}"));
	}

	private static String merchant() {
		return simulator.keys().merchantId();
	}

	private static String response() {
		return LIST + "/" + complaintId + "/response";
	}

	static String get(RestClient client, String uri) {
		return client.get().uri(uri).retrieve().body(String.class);
	}

	static String post(RestClient client, String uri, String json) {
		return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().body(String.class);
	}

	private static void assertParamError(String field, Function<RestClient, String> call) {
		assertThat(assertError(400, "PARAM_ERROR", call).getDetail()).containsEntry("field", field);
	}

	private static WechatPayApiException assertError(int status, String code, Function<RestClient, String> call) {
		AtomicReference<WechatPayApiException> error = new AtomicReference<>();
		StarterClient.with(simulator,
				(client) -> error.set(catchThrowableOfType(WechatPayApiException.class, () -> call.apply(client))));
		assertThat(error.get()).as("WechatPayApiException").isNotNull();
		assertThat(error.get().getStatusCode()).isEqualTo(status);
		assertThat(error.get().getCode()).isEqualTo(code);
		assertThat(error.get().isVerified()).isTrue();
		return error.get();
	}

}
