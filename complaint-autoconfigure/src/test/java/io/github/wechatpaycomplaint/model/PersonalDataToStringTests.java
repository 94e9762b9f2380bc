package io.github.wechatpaycomplaint.model;

import io.github.wechatpaycomplaint.model.message.MessageBlock;
import io.github.wechatpaycomplaint.model.message.NormalMessage;
import io.github.wechatpaycomplaint.model.message.TextBlock;
import io.github.wechatpaycomplaint.model.request.ComplaintReply;
import io.github.wechatpaycomplaint.model.request.ImmediateServiceReply;
import io.github.wechatpaycomplaint.model.request.RefundDecision;
import io.github.wechatpaycomplaint.testsupport.Answers;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records that carry user text, openids, phone numbers or addresses print ids, states and
 * amounts only: applications log these records routinely.
 */
class PersonalDataToStringTests {

	private final JsonMapper mapper = new JsonMapper();

	@Test
	void complaintShowsIdsStatesAndAmountsButNoUserText() {
		Complaint complaint = this.mapper.readValue(Answers.read("detail.json"), Complaint.class)
			.withPayerPhone(PayerPhone.decrypted("ciphertext", "13812345678"));
		String text = complaint.toString();
		assertThat(text).contains("200000020250613090012345678", "PROCESSING", "1900012181", "9900", "REFUND",
				"RENT20250613001", "4200002345202506130987654321");
		assertThat(text).doesNotContain("Power bank returned but still charged", "oAbCd1234efGh5678ijKl9012mnOp",
				"13812345678", "Shenzhen Nanshan", "113.9353", "22.5230");
		assertThat(text).contains("complaintDetail=" + Redaction.REDACTED, "payerOpenid=" + Redaction.REDACTED);
	}

	@Test
	void hongKongComplaintHidesTheTranslatedText() {
		ComplaintPage<Complaint> page = this.mapper.readValue(Answers.read("hk-list.json"), new TypeReference<>() {
		});
		String text = page.toString();
		// problem_description is the FAQ title the user picked (a category), so it stays;
		// the free text does not.
		assertThat(text).doesNotContain("Charged twice")
			.contains("complaintDetail=" + Redaction.REDACTED, "complaintDetailTrans=" + Redaction.REDACTED);
	}

	@Test
	void historyEntriesHideWhatTheUserAndTheMerchantWrote() {
		ComplaintPage<NegotiationHistoryEntry> page = this.mapper.readValue(Answers.read("history.json"),
				new TypeReference<>() {
				});
		String text = page.toString();
		assertThat(text).contains("300200020250613120000000004");
		assertThat(text).doesNotContain("Power bank returned but still charged", "We are checking the return record",
				"商家响应不及时", "No refund after the promised time", "请选择处理方式", "message_content", "同意");
	}

	@Test
	void absentPersonalFieldsShowAsNull() {
		assertThat(new ReturnAddressInfo(null, null, null).toString())
			.isEqualTo("ReturnAddressInfo[returnAddress=null, longitude=null, latitude=null]");
		assertThat(new ClickMessage(null, "a1", "l1").toString()).contains("messageContent=null", "a1", "l1");
	}

	@Test
	void requestsHideTheMerchantsTextWhichOftenQuotesTheUser() {
		ComplaintReply reply = ComplaintReply.builder("1900012181", "已退款至尾号5678的手机").build();
		assertThat(reply.toString()).contains("1900012181").doesNotContain("尾号5678");
		RefundDecision rejection = RefundDecision.reject("用户13812345678已取消");
		assertThat(rejection.toString()).contains("REJECT").doesNotContain("13812345678");
		ImmediateServiceReply immediate = new ImmediateServiceReply("1900012181",
				NormalMessage.of(MessageBlock.text(TextBlock.of("您的手机13812345678"))), "idem-1");
		assertThat(immediate.toString()).contains("idem-1").doesNotContain("13812345678");
	}

}
