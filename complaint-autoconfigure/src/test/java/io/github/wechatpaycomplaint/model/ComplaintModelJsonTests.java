package io.github.wechatpaycomplaint.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.github.wechatpaycomplaint.model.message.MessageBlock;
import io.github.wechatpaycomplaint.model.message.MessageBlockType;
import io.github.wechatpaycomplaint.model.message.NormalMessage;
import io.github.wechatpaycomplaint.testsupport.Answers;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records read WeChat Pay's answers with any mapper configuration, keep unknown enum
 * values and tolerate schema drift.
 */
class ComplaintModelJsonTests {

	// Strict on purpose: the records must not depend on a lenient application mapper.
	private final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@Test
	void readsTheDetailWithEveryFieldAndIgnoresUnknownFields() {
		Complaint complaint = this.mapper.readValue(Answers.read("detail.json"), Complaint.class);
		assertThat(complaint.complaintId()).isEqualTo("200000020250613090012345678");
		assertThat(complaint.complaintTime()).isEqualTo(OffsetDateTime.parse("2025-06-13T09:02:41+08:00"));
		assertThat(complaint.complaintTime().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
		assertThat(complaint.complaintDetail()).isEqualTo("Power bank returned but still charged");
		assertThat(complaint.complaintState()).isEqualTo(ComplaintState.PROCESSING);
		assertThat(complaint.complaintedMchid()).isEqualTo("1900012181");
		assertThat(complaint.payerPhone().ciphertext())
			.isEqualTo(Vectors.root().get("payer_phone").get("ciphertext").asString());
		assertThat(complaint.payerPhone().isDecrypted()).isFalse();
		assertThat(complaint.payerOpenid()).isEqualTo("oAbCd1234efGh5678ijKl9012mnOp");
		assertThat(complaint.complaintMediaList()).singleElement().satisfies((media) -> {
			assertThat(media.mediaType()).isEqualTo(ComplaintMediaType.OPERATION_IMAGE);
			assertThat(media.mediaUrl()).containsExactly(
					"https://api.mch.weixin.qq.com/v3/merchant-service/images/ChsyMDAwMDAwMjAyNTA2MTIxMDAwNTEyMzQ1Njc4GAAgAQ%3D%3D");
		});
		assertThat(complaint.complaintOrderInfo()).containsExactly(new ComplaintOrder("4200002345202506130987654321",
				"RENT20250613001", 9900L, null, null, null, null, null, null, null));
		assertThat(complaint.serviceOrderInfo())
			.containsExactly(new ServiceOrder("1000000000202506130000012345", "PS20250613001", "DONE"));
		assertThat(complaint.serviceOrderInfo().get(0).state()).isEqualTo(ServiceOrderState.DONE);
		assertThat(complaint.complaintFullRefunded()).isFalse();
		assertThat(complaint.incomingUserResponse()).isFalse();
		assertThat(complaint.problemDescription()).isEqualTo("已归还仍扣费");
		assertThat(complaint.userComplaintTimes()).isEqualTo(2);
		assertThat(complaint.problemType()).isEqualTo(ProblemType.REFUND);
		assertThat(complaint.applyRefundAmount()).isEqualTo(9900L);
		assertThat(complaint.userTagList()).containsExactly(UserTag.HIGH_RISK);
		AdditionalInfo additional = complaint.additionalInfo();
		assertThat(additional.type()).isEqualTo(AdditionalInfoType.SHARE_POWER_TYPE);
		assertThat(additional.sharePowerInfo().returnTime())
			.isEqualTo(OffsetDateTime.parse("2025-06-12T21:40:05+08:00"));
		assertThat(additional.sharePowerInfo().returnAddressInfo())
			.isEqualTo(new ReturnAddressInfo("Shenzhen Nanshan, Tower B lobby", "113.9353", "22.5230"));
		assertThat(additional.sharePowerInfo().isReturnedToSameMachine()).isTrue();
		assertThat(complaint.inPlatformService()).isTrue();
		assertThat(complaint.needImmediateService()).isTrue();
		assertThat(complaint.isAgentMode()).isFalse();
		assertThat(complaint.priority()).isNull();
		assertThat(complaint.isOverdue()).isNull();
		assertThat(complaint.complaintDetailTrans()).isNull();
	}

	@Test
	void readsTheHongKongFields() {
		ComplaintPage<Complaint> page = this.mapper.readValue(Answers.read("hk-list.json"), new TypeReference<>() {
		});
		Complaint complaint = page.data().get(0);
		assertThat(complaint.complaintDetailTrans()).isEqualTo("Charged twice");
		assertThat(complaint.isOverdue()).isTrue();
		assertThat(complaint.priority()).isEqualTo(ComplaintPriority.PRIORITY);
		assertThat(complaint.problemType()).isNull();
		assertThat(complaint.userTagList()).isEmpty();
		assertThat(complaint.complaintOrderInfo()).containsExactly(new ComplaintOrder("4200002345202506120123450000",
				"HK20250612001", null, 10000L, 2500L, "HKD", 9200L, 2300L, "CNY", "2025-06-12T09:58:00+08:00"));
	}

	@Test
	void readsBothShapesOfTheHistoryMediaList() {
		ComplaintPage<NegotiationHistoryEntry> page = history();
		assertThat(page.data().get(0).complaintMediaList()).singleElement()
			.extracting(ComplaintMedia::mediaType)
			.isEqualTo(ComplaintMediaType.USER_COMPLAINT_IMAGE);
		assertThat(page.data().get(1).complaintMediaList()).singleElement()
			.satisfies((media) -> assertThat(media.mediaUrl())
				.containsExactly("https://api.mch.weixin.qq.com/v3/merchant-service/images/b3BlcmF0aW9u"));
		assertThat(page.data().get(2).complaintMediaList()).isEmpty();
	}

	@Test
	void readsTheHistoryWithEveryField() {
		ComplaintPage<NegotiationHistoryEntry> page = history();
		assertThat(page.limit()).isEqualTo(100);
		assertThat(page.offset()).isEqualTo(0);
		assertThat(page.totalCount()).isEqualTo(6);
		NegotiationHistoryEntry first = page.data().get(0);
		assertThat(first.logId()).isEqualTo("300200020250613090100000001");
		assertThat(first.operator()).isEqualTo("投诉人");
		assertThat(first.operateTime()).isEqualTo(OffsetDateTime.parse("2025-06-13T09:02:41+08:00"));
		assertThat(first.operateType()).isEqualTo(OperateType.USER_CREATE_COMPLAINT);
		assertThat(first.operateDetails()).isEqualTo("Power bank returned but still charged");
		assertThat(first.imageList()).isEmpty();
		assertThat(page.data().get(1).imageList())
			.containsExactly("https://wxpaylogo.qpic.cn/wxpaylogo/example-expires-in-1h");
		NegotiationHistoryEntry platform = page.data().get(2);
		assertThat(platform.userApplyPlatformServiceReason()).isEqualTo("商家响应不及时");
		assertThat(platform.userApplyPlatformServiceReasonDescription()).isEqualTo("No refund after the promised time");
		NormalMessage message = page.data().get(3).normalMessage();
		assertThat(message.customData()).isEqualTo("ticket-42");
		assertThat(message.blocks()).extracting(MessageBlock::type)
			.containsExactly(MessageBlockType.TEXT, MessageBlockType.IMAGE, MessageBlockType.LINK,
					MessageBlockType.FAQ_LIST, MessageBlockType.BUTTON, MessageBlockType.BUTTON_GROUP);
		assertThat(message.blocks().get(0).text().isBold()).isTrue();
		assertThat(message.blocks().get(2).link().invalidInfo().expiredTime())
			.isEqualTo(OffsetDateTime.parse("2025-06-14T12:00:00+08:00"));
		assertThat(message.blocks().get(3).faqList().faqs().get(0).action().messageInfo().customData())
			.isEqualTo("faq-1");
		assertThat(message.blocks().get(4).button().action().miniProgramJumpInfo())
			.isEqualTo(new MiniProgramJumpInfo("wx1234567890abcdef", "pages/order/index", "订单"));
		assertThat(message.blocks().get(5).buttonGroup().buttons()).extracting((button) -> button.action().actionId())
			.containsExactly("yes", "no");
		ClickMessage click = page.data().get(4).clickMessage();
		assertThat(click).isEqualTo(new ClickMessage("同意", "yes", "300200020250613120000000004"));
	}

	@Test
	void keepsEnumValuesWechatPayAddsLater() {
		NegotiationHistoryEntry entry = history().data().get(5);
		assertThat(entry.rawOperateType()).isEqualTo("SOMETHING_WECHAT_ADDS_IN_2027");
		assertThat(entry.operateType()).isEqualTo(OperateType.UNKNOWN);
		assertThat(OperateType.from("MERCHANT_REFUSE_RERUND")).isEqualTo(OperateType.MERCHANT_REFUSE_RERUND);
		Complaint complaint = this.mapper.readValue(
				"{\"complaint_id\":\"1\",\"complaint_time\":\"2025-06-13T09:02:41+08:00\",\"complaint_detail\":\"x\","
						+ "\"complaint_state\":\"ESCALATED\",\"complainted_mchid\":\"1\",\"problem_type\":\"FRAUD\","
						+ "\"user_tag_list\":[\"VIP\"],\"priority\":\"URGENT\"}",
				Complaint.class);
		assertThat(complaint.complaintState()).isEqualTo(ComplaintState.UNKNOWN);
		assertThat(complaint.rawComplaintState()).isEqualTo("ESCALATED");
		assertThat(complaint.problemType()).isEqualTo(ProblemType.UNKNOWN);
		assertThat(complaint.rawProblemType()).isEqualTo("FRAUD");
		assertThat(complaint.userTagList()).containsExactly(UserTag.UNKNOWN);
		assertThat(complaint.rawUserTagList()).containsExactly("VIP");
		assertThat(complaint.priority()).isEqualTo(ComplaintPriority.UNKNOWN);
		assertThat(complaint.rawPriority()).isEqualTo("URGENT");
		assertThat(this.mapper.writeValueAsString(complaint)).contains("\"complaint_state\":\"ESCALATED\"")
			.contains("\"problem_type\":\"FRAUD\"");
	}

	@Test
	void keepsWechatPaySpellingsOnTheWire() {
		NegotiationHistoryEntry entry = new NegotiationHistoryEntry("1", "商户",
				OffsetDateTime.parse("2025-06-13T11:30:00+08:00"), "USER_COMFIRM_COMPLAINT", null, null, null, "reason",
				"description", null, null);
		assertThat(entry.operateType()).isEqualTo(OperateType.USER_COMFIRM_COMPLAINT);
		Map<String, Object> json = this.mapper.readValue(this.mapper.writeValueAsString(entry), new TypeReference<>() {
		});
		assertThat(json).containsEntry("operate_type", "USER_COMFIRM_COMPLAINT")
			.containsEntry("user_appy_platform_service_reason", "reason")
			.containsEntry("user_appy_platform_service_reason_description", "description")
			.containsEntry("operate_time", "2025-06-13T11:30:00+08:00")
			.doesNotContainKeys("operate_details", "normal_message");
	}

	@Test
	void writesPayerPhoneAsItsCiphertextOnly() {
		PayerPhone phone = PayerPhone.decrypted("Y2lwaGVy", "13800138000");
		assertThat(this.mapper.writeValueAsString(List.of(phone))).isEqualTo("[\"Y2lwaGVy\"]");
		assertThat(phone).hasToString("138****8000");
	}

	private ComplaintPage<NegotiationHistoryEntry> history() {
		return this.mapper.readValue(Answers.read("history.json"), new TypeReference<>() {
		});
	}

}
