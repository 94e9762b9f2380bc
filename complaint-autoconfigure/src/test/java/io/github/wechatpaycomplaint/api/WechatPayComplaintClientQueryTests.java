package io.github.wechatpaycomplaint.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.wechatpaycomplaint.crypto.DecryptionException;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.model.ComplaintMediaType;
import io.github.wechatpaycomplaint.model.ComplaintOrder;
import io.github.wechatpaycomplaint.model.ComplaintPage;
import io.github.wechatpaycomplaint.model.ComplaintState;
import io.github.wechatpaycomplaint.model.MchLanguage;
import io.github.wechatpaycomplaint.model.NegotiationHistoryEntry;
import io.github.wechatpaycomplaint.model.OperateType;
import io.github.wechatpaycomplaint.model.ProblemType;
import io.github.wechatpaycomplaint.model.UserTag;
import io.github.wechatpaycomplaint.model.request.ComplaintListQuery;
import io.github.wechatpaycomplaint.model.request.ComplaintReply;
import io.github.wechatpaycomplaint.model.request.InvalidComplaintRequestException;
import io.github.wechatpaycomplaint.model.request.NegotiationHistoryQuery;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.testsupport.Answers;
import io.github.wechatpaycomplaint.testsupport.SignedRequests;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.wechatpaycomplaint.api.ComplaintApiHarness.requestVector;
import static io.github.wechatpaycomplaint.api.ComplaintApiHarness.signedJson;
import static io.github.wechatpaycomplaint.api.ComplaintApiHarness.withClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * List, detail and negotiation history against WireMock: request line, headers,
 * signatures identical to the official SDK's, and every field of realistic answers
 * mapped, {@code payer_phone} decrypted.
 */
class WechatPayComplaintClientQueryTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String PHONE_CIPHERTEXT = Vectors.root().get("payer_phone").get("ciphertext").asString();

	@Test
	void listsComplaintsWithTheQueryAndSignatureOfTheOfficialSdk() {
		wireMock.stubFor(get(urlPathEqualTo("/v3/merchant-service/complaints-v2"))
			.willReturn(signedJson(Answers.read("list.json"))));
		withClient(wireMock, (client) -> {
			ComplaintPage<Complaint> page = client
				.listComplaints(ComplaintListQuery.between(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 23)));
			assertThat(page.limit()).isEqualTo(2);
			assertThat(page.offset()).isEqualTo(0);
			assertThat(page.totalCount()).isEqualTo(1);
			Complaint complaint = page.data().get(0);
			assertThat(complaint.complaintId()).isEqualTo("200000020250612100051234567");
			assertThat(complaint.complaintTime()).isEqualTo(OffsetDateTime.parse("2025-06-12T10:15:22+08:00"));
			assertThat(complaint.complaintDetail()).isEqualTo("Charged twice for one order, please refund");
			assertThat(complaint.complaintState()).isEqualTo(ComplaintState.PENDING);
			assertThat(complaint.complaintedMchid()).isEqualTo("1900012181");
			assertThat(complaint.payerPhone().reveal()).isEqualTo("13800138000");
			assertThat(complaint.payerPhone()).hasToString("138****8000");
			assertThat(complaint.payerOpenid()).isNull();
			assertThat(complaint.complaintOrderInfo())
				.containsExactly(new ComplaintOrder("4200002345202506120123456789", "ORD20250612000017", 2590L, null,
						null, null, null, null, null, null));
			assertThat(complaint.serviceOrderInfo()).isEmpty();
			assertThat(complaint.complaintMediaList()).singleElement().satisfies((media) -> {
				assertThat(media.mediaType()).isEqualTo(ComplaintMediaType.USER_COMPLAINT_IMAGE);
				assertThat(media.mediaUrl()).singleElement().asString().endsWith("GAAgAQ%3D%3D");
			});
			assertThat(complaint.complaintFullRefunded()).isFalse();
			assertThat(complaint.incomingUserResponse()).isTrue();
			assertThat(complaint.problemDescription()).isEqualTo("重复扣款");
			assertThat(complaint.userComplaintTimes()).isEqualTo(1);
			assertThat(complaint.problemType()).isEqualTo(ProblemType.REFUND);
			assertThat(complaint.applyRefundAmount()).isEqualTo(2590L);
			assertThat(complaint.userTagList()).containsExactly(UserTag.TRUSTED);
			assertThat(complaint.inPlatformService()).isFalse();
			assertThat(complaint.needImmediateService()).isFalse();
			assertThat(complaint.toString()).doesNotContain("13800138000").doesNotContain(PHONE_CIPHERTEXT);
		});
		LoggedRequest request = single();
		assertThat(request.getMethod().getName()).isEqualTo("GET");
		assertThat(request.getUrl()).isEqualTo(requestVector(0).get("canonical_url").asString());
		assertThat(request.getHeader("Accept")).isEqualTo("application/json");
		assertThat(request.getHeader("User-Agent")).startsWith("wechatpay-complaint-spring-boot/");
		assertThat(request.getHeader("Wechatpay-Serial")).isEqualTo(Vectors.key("wechatpay_public_key_id"));
		assertThat(request.getHeader("Authorization")).isEqualTo(requestVector(0).get("authorization").asString());
		SignedRequests.assertSignedByMerchant(request);
	}

	@Test
	void sendsThePageAndSubMerchantFilterEncoded() {
		wireMock.stubFor(get(urlPathEqualTo("/v3/merchant-service/complaints-v2"))
			.willReturn(signedJson("{\"data\":[],\"limit\":5,\"offset\":10}")));
		withClient(wireMock,
				(client) -> client
					.listComplaints(ComplaintListQuery.between(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 1))
						.page(5, 10)
						.complaintedMchid("1900012181&x=1")));
		LoggedRequest request = single();
		assertThat(request.getUrl()).isEqualTo("/v3/merchant-service/complaints-v2?limit=5&offset=10"
				+ "&begin_date=2019-01-01&end_date=2019-01-01&complainted_mchid=1900012181%26x%3D1");
		SignedRequests.assertSignedByMerchant(request);
	}

	@Test
	void getsTheDetailWithThePayerPhoneDecrypted() {
		wireMock.stubFor(get(urlPathEqualTo("/v3/merchant-service/complaints-v2/200000020250613090012345678"))
			.willReturn(signedJson(Answers.read("detail.json"))));
		withClient(wireMock, (client) -> {
			Complaint complaint = client.getComplaint("200000020250613090012345678");
			assertThat(complaint.payerPhone().isDecrypted()).isTrue();
			assertThat(complaint.payerPhone().reveal()).isEqualTo("13800138000");
			assertThat(complaint.payerPhone().ciphertext()).isEqualTo(PHONE_CIPHERTEXT);
			assertThat(complaint.payerOpenid()).isEqualTo("oAbCd1234efGh5678ijKl9012mnOp");
			assertThat(complaint.additionalInfo().sharePowerInfo().returnAddressInfo().longitude())
				.isEqualTo("113.9353");
			assertThat(complaint.serviceOrderInfo()).singleElement()
				.satisfies((order) -> assertThat(order.outOrderNo()).isEqualTo("PS20250613001"));
			assertThat(complaint.needImmediateService()).isTrue();
		});
		LoggedRequest request = single();
		assertThat(request.getUrl()).isEqualTo("/v3/merchant-service/complaints-v2/200000020250613090012345678");
		assertThat(request.getBodyAsString()).isEmpty();
		SignedRequests.assertSignedByMerchant(request);
	}

	@ParameterizedTest
	@ValueSource(strings = { "..", ".", "a/b?c", "2002018.1", "%2E%2E", "a b", "２００２", "a#b",
			"12345678901234567890123456789012345678901234567890123456789012345" })
	void refusesAComplaintIdWechatPayNeverIssuesBeforeAnyCall(String complaintId) {
		withClient(wireMock, (client) -> {
			assertRefused(() -> client.getComplaint(complaintId));
			assertRefused(() -> client.listNegotiationHistory(complaintId, NegotiationHistoryQuery.page(10, 0)));
			assertRefused(() -> client.complete(complaintId, "1900000001"));
			assertRefused(() -> client.reply(complaintId, ComplaintReply.builder("1900000001", "ok").build()));
		});
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void acceptsComplaintIdsOfUpToSixtyFourCharacters() {
		String longest = "2".repeat(64);
		wireMock.stubFor(get(urlPathEqualTo("/v3/merchant-service/complaints-v2/" + longest))
			.willReturn(signedJson(Answers.read("detail.json"))));
		withClient(wireMock, (client) -> client.getComplaint(longest));
		assertThat(single().getUrl()).isEqualTo("/v3/merchant-service/complaints-v2/" + longest);
	}

	private static void assertRefused(ThrowingCallable call) {
		assertThatExceptionOfType(InvalidComplaintRequestException.class).isThrownBy(call)
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("complaint_id"));
	}

	@Test
	void refusesAPayerPhoneEncryptedForAnotherKeyWithoutShowingIt() {
		String otherCiphertext = io.github.wechatpaycomplaint.crypto.internal.SensitiveDataCipher
			.encrypt(RsaKeyPairs.generate().getPublic(), "13900139000");
		wireMock.stubFor(get(urlPathEqualTo("/v3/merchant-service/complaints-v2/200000020250613090012345678"))
			.willReturn(signedJson(Answers.read("detail.json").replace(PHONE_CIPHERTEXT, otherCiphertext))));
		withClient(wireMock,
				(client) -> assertThatExceptionOfType(DecryptionException.class)
					.isThrownBy(() -> client.getComplaint("200000020250613090012345678"))
					.withMessageContaining("payer_phone of complaint 200000020250613090012345678")
					.withMessageNotContaining("13900139000")
					.withMessageNotContaining(otherCiphertext));
	}

	@Test
	void pagesTheNegotiationHistoryWithTheSignatureOfTheOfficialSdk() {
		wireMock.stubFor(get(
				urlPathEqualTo("/v3/merchant-service/complaints-v2/200201820200101080076610000/negotiation-historys"))
			.willReturn(signedJson(Answers.read("history.json"))));
		withClient(wireMock, (client) -> {
			ComplaintPage<NegotiationHistoryEntry> page = client.listNegotiationHistory("200201820200101080076610000",
					NegotiationHistoryQuery.page(300, 0));
			assertThat(page.totalCount()).isEqualTo(6);
			assertThat(page.data()).extracting(NegotiationHistoryEntry::operateType)
				.containsExactly(OperateType.USER_CREATE_COMPLAINT, OperateType.MERCHANT_RESPONSE,
						OperateType.USER_APPLY_PLATFORM_SERVICE, OperateType.MERCHANT_RESPONSE,
						OperateType.USER_CLICK_RESPONSE, OperateType.UNKNOWN);
			assertThat(page.data().get(0).complaintMediaList()).hasSize(1);
			assertThat(page.data().get(1).complaintMediaList()).hasSize(1);
			assertThat(page.data().get(2).userApplyPlatformServiceReason()).isEqualTo("商家响应不及时");
			assertThat(page.data().get(3).normalMessage().blocks()).hasSize(6);
			assertThat(page.data().get(4).clickMessage().clickedLogId()).isEqualTo("300200020250613120000000004");
		});
		LoggedRequest request = single();
		assertThat(request.getUrl()).isEqualTo(requestVector(1).get("canonical_url").asString());
		assertThat(request.getHeader("Authorization")).isEqualTo(requestVector(1).get("authorization").asString());
		SignedRequests.assertSignedByMerchant(request);
	}

	@Test
	void refusesTheHongKongLanguageOnTheMainlandBeforeAnyCall() {
		withClient(wireMock, (client) -> {
			assertThatExceptionOfType(InvalidComplaintRequestException.class)
				.isThrownBy(() -> client.getComplaint("200000020250613090012345678", MchLanguage.EN))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("mch_language"));
			assertThatExceptionOfType(InvalidComplaintRequestException.class)
				.isThrownBy(() -> client.streamNegotiationHistory("200000020250613090012345678", MchLanguage.EN))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("mch_language"));
			assertThatExceptionOfType(InvalidComplaintRequestException.class)
				.isThrownBy(() -> client
					.listComplaints(ComplaintListQuery.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2))
						.mchLanguage(MchLanguage.EN)))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("mch_language"));
		});
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	private static LoggedRequest single() {
		return ComplaintApiHarness.singleRequest(wireMock);
	}

}
