package io.github.wechatpaycomplaint.api;

import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.wechatpaycomplaint.client.WechatPayApiException;
import io.github.wechatpaycomplaint.model.MiniProgramJumpInfo;
import io.github.wechatpaycomplaint.model.NotificationUrl;
import io.github.wechatpaycomplaint.model.message.ImageBlock;
import io.github.wechatpaycomplaint.model.message.ImageStyleType;
import io.github.wechatpaycomplaint.model.message.MessageBlock;
import io.github.wechatpaycomplaint.model.message.NormalMessage;
import io.github.wechatpaycomplaint.model.message.SenderIdentity;
import io.github.wechatpaycomplaint.model.message.TextBlock;
import io.github.wechatpaycomplaint.model.request.ComplaintReply;
import io.github.wechatpaycomplaint.model.request.ImmediateServiceReply;
import io.github.wechatpaycomplaint.model.request.InvalidComplaintRequestException;
import io.github.wechatpaycomplaint.model.request.RefundDecision;
import io.github.wechatpaycomplaint.testsupport.SignedRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.wechatpaycomplaint.api.ComplaintApiHarness.json;
import static io.github.wechatpaycomplaint.api.ComplaintApiHarness.requestVector;
import static io.github.wechatpaycomplaint.api.ComplaintApiHarness.signedError;
import static io.github.wechatpaycomplaint.api.ComplaintApiHarness.signedJson;
import static io.github.wechatpaycomplaint.api.ComplaintApiHarness.signedNoContent;
import static io.github.wechatpaycomplaint.api.ComplaintApiHarness.withClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Replies, immediate-service reply, complete, refund approval and the notification URL
 * against WireMock: method, path, headers, JSON body field by field (no {@code null}s),
 * signature, and the mapped answers.
 */
class WechatPayComplaintClientActionTests {

	private static final String COMPLAINT = "200201820200101080076610000";

	private static final String COMPLAINTS = "/v3/merchant-service/complaints-v2/" + COMPLAINT;

	private static final String NOTIFICATIONS = "/v3/merchant-service/complaint-notifications";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void repliesWithTheBodyAndSignatureOfTheOfficialSdk() {
		wireMock.stubFor(post(urlEqualTo(COMPLAINTS + "/response")).willReturn(signedNoContent()));
		withClient(wireMock, (client) -> client.reply(COMPLAINT,
				ComplaintReply.builder("1900000001", "已与用户沟通解决").responseImages("file23578_21798531.jpg").build()));
		LoggedRequest request = single();
		assertThat(request.getMethod().getName()).isEqualTo("POST");
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertThat(request.getBodyAsString()).isEqualTo(requestVector(2).get("body").asString());
		assertThat(request.getHeader("Authorization")).isEqualTo(requestVector(2).get("authorization").asString());
		SignedRequests.assertSignedByMerchant(request);
	}

	@Test
	void repliesWithLinkAndMiniProgram() {
		wireMock.stubFor(post(urlEqualTo(COMPLAINTS + "/response")).willReturn(signedNoContent()));
		withClient(wireMock, (client) -> client.reply(COMPLAINT,
				ComplaintReply.builder("1900012181", "请查看订单")
					.responseImages("media-1", "media-2")
					.jumpUrl("https://merchant.example.com/orders/1", "查看订单详情")
					.miniProgramJumpInfo(new MiniProgramJumpInfo("wx1234567890abcdef", "pages/order/index", "订单"))
					.build()));
		LoggedRequest request = single();
		Map<String, Object> body = json(request.getBody());
		assertThat(body).containsOnlyKeys("complainted_mchid", "response_content", "response_images", "jump_url",
				"jump_url_text", "mini_program_jump_info");
		assertThat(body).containsEntry("complainted_mchid", "1900012181")
			.containsEntry("response_content", "请查看订单")
			.containsEntry("response_images", java.util.List.of("media-1", "media-2"))
			.containsEntry("jump_url", "https://merchant.example.com/orders/1")
			.containsEntry("jump_url_text", "查看订单详情")
			.containsEntry("mini_program_jump_info",
					Map.of("appid", "wx1234567890abcdef", "path", "pages/order/index", "text", "订单"));
		SignedRequests.assertSignedByMerchant(request);
	}

	@Test
	void repliesToAnImmediateServiceComplaintAndReturnsTheLogId() {
		wireMock.stubFor(post(urlEqualTo(COMPLAINTS + "/response-immediate-service"))
			.willReturn(signedJson("{\"log_id\":\"300285320210322170000071077\"}")));
		NormalMessage message = new NormalMessage(
				java.util.List.of(MessageBlock.text(TextBlock.of("您好，已为您安排退款")),
						MessageBlock.image(new ImageBlock("file752398_7983424", ImageStyleType.IMAGE_STYLE_TYPE_WIDE))),
				SenderIdentity.MANUAL, null);
		withClient(wireMock,
				(client) -> assertThat(client.replyImmediateService(COMPLAINT,
						ImmediateServiceReply.of("1900012181", message, "7c6f3a52-5d7e-4c1b-9d47-2a0f6f0d3c11")))
					.isEqualTo("300285320210322170000071077"));
		LoggedRequest request = single();
		Map<String, Object> body = json(request.getBody());
		assertThat(body).containsOnlyKeys("complainted_mchid", "message", "idempotent_id")
			.containsEntry("complainted_mchid", "1900012181")
			.containsEntry("idempotent_id", "7c6f3a52-5d7e-4c1b-9d47-2a0f6f0d3c11")
			.containsEntry("message", Map.of("sender_identity", "MANUAL", "blocks",
					java.util.List.of(Map.of("type", "TEXT", "text", Map.of("text", "您好，已为您安排退款")), Map.of(
							"type", "IMAGE", "image",
							Map.of("media_id", "file752398_7983424", "image_style_type", "IMAGE_STYLE_TYPE_WIDE")))));
		SignedRequests.assertSignedByMerchant(request);
	}

	@Test
	void completesAComplaint() {
		wireMock.stubFor(post(urlEqualTo(COMPLAINTS + "/complete")).willReturn(signedNoContent()));
		withClient(wireMock, (client) -> client.complete(COMPLAINT, "1900012181"));
		LoggedRequest request = single();
		assertThat(request.getBodyAsString()).isEqualTo("{\"complainted_mchid\":\"1900012181\"}");
		SignedRequests.assertSignedByMerchant(request);
	}

	@Test
	void approvesARefund() {
		wireMock.stubFor(post(urlEqualTo(COMPLAINTS + "/update-refund-progress")).willReturn(signedNoContent()));
		withClient(wireMock, (client) -> client.updateRefundProgress(COMPLAINT,
				RefundDecision.approve(3).withRemark("退款将于3个工作日内发起")));
		LoggedRequest request = single();
		assertThat(json(request.getBody())).containsOnlyKeys("action", "launch_refund_day", "remark")
			.containsEntry("action", "APPROVE")
			.containsEntry("launch_refund_day", 3)
			.containsEntry("remark", "退款将于3个工作日内发起");
		SignedRequests.assertSignedByMerchant(request);
	}

	@Test
	void rejectsARefundWithReasonAndImages() {
		wireMock.stubFor(post(urlEqualTo(COMPLAINTS + "/update-refund-progress")).willReturn(signedNoContent()));
		withClient(wireMock, (client) -> client.updateRefundProgress(COMPLAINT,
				RefundDecision.reject("商品已正常使用", "media-1", "media-2")));
		LoggedRequest request = single();
		assertThat(json(request.getBody())).containsOnlyKeys("action", "reject_reason", "reject_media_list")
			.containsEntry("action", "REJECT")
			.containsEntry("reject_reason", "商品已正常使用")
			.containsEntry("reject_media_list", java.util.List.of("media-1", "media-2"));
		SignedRequests.assertSignedByMerchant(request);
	}

	@Test
	void createsQueriesUpdatesAndDeletesTheNotificationUrl() {
		String answer = "{\"mchid\":\"1900000001\",\"url\":\"https://merchant.example.com/wechatpay/complaints\"}";
		wireMock.stubFor(post(urlEqualTo(NOTIFICATIONS)).willReturn(signedJson(answer)));
		wireMock.stubFor(get(urlEqualTo(NOTIFICATIONS)).willReturn(signedJson(answer)));
		wireMock.stubFor(put(urlEqualTo(NOTIFICATIONS)).willReturn(signedJson(answer)));
		wireMock.stubFor(delete(urlEqualTo(NOTIFICATIONS)).willReturn(signedNoContent()));
		NotificationUrl expected = new NotificationUrl("1900000001",
				"https://merchant.example.com/wechatpay/complaints");
		withClient(wireMock, (client) -> {
			assertThat(client.createNotificationUrl("https://merchant.example.com/wechatpay/complaints"))
				.isEqualTo(expected);
			assertThat(client.findNotificationUrl()).contains(expected);
			assertThat(client.updateNotificationUrl("https://merchant.example.com/wechatpay/complaints"))
				.isEqualTo(expected);
			client.deleteNotificationUrl();
		});
		java.util.List<LoggedRequest> requests = wireMock
			.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(urlEqualTo(NOTIFICATIONS)));
		assertThat(requests).extracting((request) -> request.getMethod().getName())
			.containsExactly("POST", "GET", "PUT", "DELETE");
		assertThat(requests.get(0).getBodyAsString())
			.isEqualTo("{\"url\":\"https://merchant.example.com/wechatpay/complaints\"}");
		assertThat(requests.get(2).getBodyAsString())
			.isEqualTo("{\"url\":\"https://merchant.example.com/wechatpay/complaints\"}");
		assertThat(requests.get(1).getBodyAsString()).isEmpty();
		assertThat(requests.get(3).getBodyAsString()).isEmpty();
		assertThat(requests.get(3).getHeader("Authorization"))
			.isEqualTo(requestVector(3).get("authorization").asString());
		requests.forEach(SignedRequests::assertSignedByMerchant);
	}

	@Test
	void findsNoNotificationUrlWhenNoneIsRegistered() {
		wireMock.stubFor(get(urlEqualTo(NOTIFICATIONS))
			.willReturn(signedError(400, "{\"code\":\"RESOURCE_NOT_EXISTS\",\"message\":\"商户未设置投诉通知回调地址\"}")));
		withClient(wireMock, (client) -> assertThat(client.findNotificationUrl()).isEmpty());
	}

	@Test
	void raisesOtherErrorsWithWechatPaysCode() {
		wireMock.stubFor(post(urlEqualTo(COMPLAINTS + "/complete"))
			.willReturn(signedError(429, "{\"code\":\"FREQUENCY_LIMITED\",\"message\":\"频率超限\"}")));
		withClient(wireMock,
				(client) -> assertThatExceptionOfType(WechatPayApiException.class)
					.isThrownBy(() -> client.complete(COMPLAINT, "1900012181"))
					.satisfies((ex) -> {
						assertThat(ex.getStatusCode()).isEqualTo(429);
						assertThat(ex.getCode()).isEqualTo("FREQUENCY_LIMITED");
					}));
	}

	@Test
	void refusesAnHttpNotificationUrlBeforeAnyCall() {
		withClient(wireMock,
				(client) -> assertThatExceptionOfType(InvalidComplaintRequestException.class)
					.isThrownBy(() -> client.createNotificationUrl("http://merchant.example.com/notify"))
					.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("url")));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	private static LoggedRequest single() {
		return ComplaintApiHarness.singleRequest(wireMock);
	}

}
