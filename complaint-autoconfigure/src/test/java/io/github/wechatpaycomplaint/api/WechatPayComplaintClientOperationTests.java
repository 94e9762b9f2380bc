package io.github.wechatpaycomplaint.api;

import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.wechatpaycomplaint.client.WechatPayOperation;
import io.github.wechatpaycomplaint.client.WechatPayRestClientCustomizer;
import io.github.wechatpaycomplaint.model.message.MessageBlock;
import io.github.wechatpaycomplaint.model.message.NormalMessage;
import io.github.wechatpaycomplaint.model.message.TextBlock;
import io.github.wechatpaycomplaint.model.request.ComplaintListQuery;
import io.github.wechatpaycomplaint.model.request.ComplaintReply;
import io.github.wechatpaycomplaint.model.request.ImageUpload;
import io.github.wechatpaycomplaint.model.request.ImmediateServiceReply;
import io.github.wechatpaycomplaint.model.request.NegotiationHistoryQuery;
import io.github.wechatpaycomplaint.model.request.RefundDecision;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.wechatpaycomplaint.api.ComplaintApiHarness.signedJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every call of the typed client carries its {@link WechatPayOperation}, with the
 * operation's method, on a path of the operation's template: the interceptors read what a
 * call is from there.
 */
class WechatPayComplaintClientOperationTests {

	private static final String COMPLAINT = "200201820200101080076610000";

	private static final String ANY_ANSWER = "{\"data\":[],\"limit\":10,\"offset\":0,\"total_count\":0,"
			+ "\"complaint_id\":\"" + COMPLAINT + "\",\"mchid\":\"1900000001\",\"url\":\"https://shop.example.com/n\","
			+ "\"media_id\":\"m1\",\"log_id\":\"l1\"}";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void attachesItsOperationToEveryCall() {
		wireMock.stubFor(any(anyUrl()).willReturn(signedJson(ANY_ANSWER)));
		List<Sent> sent = new CopyOnWriteArrayList<>();
		WechatPayRestClientCustomizer recorder = (builder) -> builder.requestInterceptor((request, body, execution) -> {
			sent.add(new Sent(request.getMethod().name(), request.getURI().getRawPath(),
					WechatPayOperation.of(request).orElse(null)));
			return execution.execute(request, body);
		});
		byte[] png = Base64.getDecoder().decode(Vectors.root().get("image_upload").get("file_base64").asString());
		ComplaintApiHarness.runner(wireMock)
			.withBean(WechatPayRestClientCustomizer.class, () -> recorder)
			.run((context) -> {
				WechatPayComplaintClient client = context.getBean(WechatPayComplaintClient.class);
				client.listComplaints(ComplaintListQuery.between(LocalDate.now().minusDays(1), LocalDate.now()));
				client.getComplaint(COMPLAINT);
				client.listNegotiationHistory(COMPLAINT, NegotiationHistoryQuery.page(300, 0));
				client.reply(COMPLAINT, ComplaintReply.builder("1900000001", "已与用户沟通解决").build());
				client.replyImmediateService(COMPLAINT, ImmediateServiceReply.of("1900000001",
						NormalMessage.of(MessageBlock.text(TextBlock.of("您好"))), "idempotent-1"));
				client.complete(COMPLAINT, "1900000001");
				client.updateRefundProgress(COMPLAINT, RefundDecision.approve(0));
				client.createNotificationUrl("https://shop.example.com/n");
				client.findNotificationUrl();
				client.updateNotificationUrl("https://shop.example.com/n");
				client.deleteNotificationUrl();
				client.uploadImage(ImageUpload.of("evidence.png", png));
				client.downloadImage("https://api.mch.weixin.qq.com/v3/merchant-service/images/Chsy%3D%3D");
			});
		assertThat(sent).extracting(Sent::operation)
			.containsExactly(WechatPayOperation.LIST, WechatPayOperation.DETAIL, WechatPayOperation.HISTORY,
					WechatPayOperation.REPLY, WechatPayOperation.IMMEDIATE_REPLY, WechatPayOperation.COMPLETE,
					WechatPayOperation.REFUND_PROGRESS, WechatPayOperation.NOTIFICATION_URL_CREATE,
					WechatPayOperation.NOTIFICATION_URL_QUERY, WechatPayOperation.NOTIFICATION_URL_UPDATE,
					WechatPayOperation.NOTIFICATION_URL_DELETE, WechatPayOperation.IMAGE_UPLOAD,
					WechatPayOperation.IMAGE_DOWNLOAD);
		assertThat(sent).allSatisfy((call) -> {
			assertThat(call.method()).isEqualTo(call.operation().getMethod().name());
			assertThat(call.operation().matchRawPath(call.path())).as(call.path()).isPresent();
		});
	}

	private record Sent(String method, String path, WechatPayOperation operation) {
	}

}
