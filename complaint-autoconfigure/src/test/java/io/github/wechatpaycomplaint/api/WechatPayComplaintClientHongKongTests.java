package io.github.wechatpaycomplaint.api;

import java.time.LocalDate;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.model.ComplaintPriority;
import io.github.wechatpaycomplaint.model.MchLanguage;
import io.github.wechatpaycomplaint.model.MiniProgramJumpInfo;
import io.github.wechatpaycomplaint.model.message.MessageBlock;
import io.github.wechatpaycomplaint.model.message.NormalMessage;
import io.github.wechatpaycomplaint.model.message.TextBlock;
import io.github.wechatpaycomplaint.model.request.ComplaintListQuery;
import io.github.wechatpaycomplaint.model.request.ComplaintReply;
import io.github.wechatpaycomplaint.model.request.ImmediateServiceReply;
import io.github.wechatpaycomplaint.model.request.InvalidComplaintRequestException;
import io.github.wechatpaycomplaint.model.request.NegotiationHistoryQuery;
import io.github.wechatpaycomplaint.model.request.RefundDecision;
import io.github.wechatpaycomplaint.testsupport.Answers;
import io.github.wechatpaycomplaint.testsupport.SignedRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.wechatpaycomplaint.api.ComplaintApiHarness.signedJson;
import static io.github.wechatpaycomplaint.api.ComplaintApiHarness.signedNoContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With {@code endpoint: HONG_KONG} the same client calls the
 * {@code /v3/global/merchant-service/…} paths ({@code complaints}, not
 * {@code complaints-v2}), sends {@code mch_language}, adds {@code complaint_id} to image
 * downloads and refuses the calls WeChat Pay does not offer there.
 */
class WechatPayComplaintClientHongKongTests {

	private static final String COMPLAINT = "200000020250612100051234999";

	private static final String GLOBAL = "/v3/global/merchant-service";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void listsComplaintsInALanguageWithTheHongKongFields() {
		String url = GLOBAL + "/complaints?limit=10&offset=0&begin_date=2025-06-01&end_date=2025-06-30"
				+ "&mch_language=EN";
		wireMock.stubFor(get(urlEqualTo(url)).willReturn(signedJson(Answers.read("hk-list.json"))));
		withHongKongClient((client) -> {
			Complaint complaint = client
				.listComplaints(ComplaintListQuery.between(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30))
					.page(10, 0)
					.mchLanguage(MchLanguage.EN))
				.data()
				.get(0);
			assertThat(complaint.priority()).isEqualTo(ComplaintPriority.PRIORITY);
			assertThat(complaint.isOverdue()).isTrue();
			assertThat(complaint.complaintDetailTrans()).isEqualTo("Charged twice");
			assertThat(complaint.complaintOrderInfo().get(0).settlementCurrency()).isEqualTo("HKD");
			assertThat(complaint.payerPhone().reveal()).isEqualTo("13800138000");
		});
		SignedRequests.assertSignedByMerchant(ComplaintApiHarness.singleRequest(wireMock));
	}

	@Test
	void usesTheGlobalPathsForEveryOfferedCall() {
		wireMock.stubFor(get(urlEqualTo(GLOBAL + "/complaints/" + COMPLAINT + "?mch_language=ZH_HK"))
			.willReturn(signedJson(Answers.read("detail.json"))));
		wireMock
			.stubFor(get(urlEqualTo(GLOBAL + "/complaints/" + COMPLAINT + "/negotiation-historys?limit=100&offset=0"))
				.willReturn(signedJson(Answers.read("history.json"))));
		wireMock
			.stubFor(post(urlEqualTo(GLOBAL + "/complaints/" + COMPLAINT + "/response")).willReturn(signedNoContent()));
		wireMock
			.stubFor(post(urlEqualTo(GLOBAL + "/complaints/" + COMPLAINT + "/complete")).willReturn(signedNoContent()));
		wireMock.stubFor(delete(urlEqualTo(GLOBAL + "/complaint-notifications")).willReturn(signedNoContent()));
		wireMock.stubFor(post(urlEqualTo(GLOBAL + "/images/upload")).willReturn(signedJson("{\"media_id\":\"hk-1\"}")));
		withHongKongClient((client) -> {
			client.getComplaint(COMPLAINT, MchLanguage.ZH_HK);
			client.listNegotiationHistory(COMPLAINT, NegotiationHistoryQuery.page(100, 0));
			client.reply(COMPLAINT,
					ComplaintReply.builder("1900012181", "已与用户沟通解决")
						.jumpUrl("https://www.example.com/notify", "查看订单详情")
						.build());
			client.complete(COMPLAINT, "1900012181");
			client.deleteNotificationUrl();
			assertThat(client
				.uploadImage(io.github.wechatpaycomplaint.model.request.ImageUpload.of("a.bmp",
						new byte[] { 0x42, 0x4D, 0, 0 }))
				.mediaId()).isEqualTo("hk-1");
		});
		assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).hasSize(6).allSatisfy((request) -> {
			assertThat(request.getUrl()).startsWith(GLOBAL + "/");
			if (!request.getUrl().endsWith("/images/upload")) {
				SignedRequests.assertSignedByMerchant(request);
			}
		});
	}

	@Test
	void addsTheComplaintIdToImageDownloads() {
		String path = GLOBAL + "/images/aGtJbWFnZQ%3D%3D";
		wireMock.stubFor(get(urlEqualTo(path + "?complaint_id=" + COMPLAINT)).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(new byte[] { 1 })));
		withHongKongClient((client) -> {
			assertThat(client.downloadImage("https://apihk.mch.weixin.qq.com" + path, COMPLAINT).content())
				.containsExactly(1);
			assertThatExceptionOfType(InvalidComplaintRequestException.class)
				.isThrownBy(() -> client.downloadImage("https://apihk.mch.weixin.qq.com" + path))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("complaint_id"));
		});
		SignedRequests.assertSignedByMerchant(ComplaintApiHarness.singleRequest(wireMock));
	}

	@Test
	void refusesTheCallsWechatPayDoesNotOfferInHongKongBeforeAnyCall() {
		withHongKongClient((client) -> {
			assertThatExceptionOfType(UnsupportedComplaintOperationException.class)
				.isThrownBy(() -> client.updateRefundProgress(COMPLAINT, RefundDecision.approve(0)))
				.withMessageContaining("update-refund-progress")
				.withMessageContaining("Hong Kong");
			assertThatExceptionOfType(UnsupportedComplaintOperationException.class)
				.isThrownBy(
						() -> client.replyImmediateService(COMPLAINT,
								ImmediateServiceReply.of("1900012181",
										NormalMessage.of(MessageBlock.text(TextBlock.of("您好"))), "id-1")))
				.withMessageContaining("response-immediate-service");
			assertThatExceptionOfType(UnsupportedComplaintOperationException.class)
				.isThrownBy(() -> client.reply(COMPLAINT,
						ComplaintReply.builder("1900012181", "您好")
							.miniProgramJumpInfo(new MiniProgramJumpInfo("wx1234567890abcdef", "pages/index", "首页"))
							.build()))
				.withMessageContaining("mini_program_jump_info");
		});
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void refusesTheUnknownLanguageBeforeAnyCall() {
		withHongKongClient((client) -> {
			assertThatExceptionOfType(InvalidComplaintRequestException.class)
				.isThrownBy(() -> client.getComplaint(COMPLAINT, MchLanguage.UNKNOWN))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("mch_language"));
			assertThatExceptionOfType(InvalidComplaintRequestException.class)
				.isThrownBy(() -> client.streamNegotiationHistory(COMPLAINT, MchLanguage.UNKNOWN).toList())
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("mch_language"));
		});
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	private static void withHongKongClient(java.util.function.Consumer<WechatPayComplaintClient> test) {
		ComplaintApiHarness.withClient(wireMock, test, "wechatpay.complaint.client.endpoint=HONG_KONG");
	}

}
