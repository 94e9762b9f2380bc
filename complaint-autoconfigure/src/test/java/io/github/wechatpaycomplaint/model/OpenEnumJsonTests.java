package io.github.wechatpaycomplaint.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.github.wechatpaycomplaint.model.message.ButtonGroupBlock;
import io.github.wechatpaycomplaint.model.message.ButtonLayout;
import io.github.wechatpaycomplaint.model.message.ImageStyleType;
import io.github.wechatpaycomplaint.model.message.MessageActionType;
import io.github.wechatpaycomplaint.model.message.MessageBlock;
import io.github.wechatpaycomplaint.model.message.MessageBlockType;
import io.github.wechatpaycomplaint.model.message.NormalMessage;
import io.github.wechatpaycomplaint.model.message.SenderIdentity;
import io.github.wechatpaycomplaint.model.message.TextColor;
import io.github.wechatpaycomplaint.model.request.ImmediateServiceReply;
import io.github.wechatpaycomplaint.model.request.RefundDecision;
import io.github.wechatpaycomplaint.testsupport.Answers;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WeChat Pay's open enums in the records: a value this version does not know reads as the
 * enum's {@code UNKNOWN} with its text kept, WeChat Pay's spellings (typos included) are
 * kept, and writing a record back reproduces exactly what arrived.
 */
class OpenEnumJsonTests {

	// Strict on purpose: the records must not depend on a lenient application mapper.
	private final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@Test
	void writingAComplaintBackReproducesWhatArrived() {
		String answer = Answers.read("open-enums-detail.json");
		Complaint complaint = this.mapper.readValue(answer, Complaint.class);
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(complaint)))
			.isEqualTo(this.mapper.readTree(answer));
	}

	@Test
	void writingTheHistoryBackReproducesWhatArrived() {
		String answer = Answers.read("open-enums-history.json");
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(history())))
			.isEqualTo(this.mapper.readTree(answer));
	}

	@Test
	void everyValueOfAComplaintThisVersionDoesNotKnowReadsAsUnknownWithItsText() {
		Complaint complaint = this.mapper.readValue(Answers.read("open-enums-detail.json"), Complaint.class);
		assertThat(complaint.complaintState()).isEqualTo(ComplaintState.UNKNOWN);
		assertThat(complaint.rawComplaintState()).isEqualTo("ESCALATED");
		assertThat(complaint.problemType()).isEqualTo(ProblemType.UNKNOWN);
		assertThat(complaint.rawProblemType()).isEqualTo("FRAUD");
		assertThat(complaint.userTagList()).containsExactly(UserTag.HIGH_RISK, UserTag.UNKNOWN);
		assertThat(complaint.rawUserTagList()).containsExactly("HIGH_RISK", "VIP");
		assertThat(complaint.priority()).isEqualTo(ComplaintPriority.UNKNOWN);
		assertThat(complaint.rawPriority()).isEqualTo("URGENT");
		assertThat(complaint.complaintMediaList()).extracting(ComplaintMedia::mediaType)
			.containsExactly(ComplaintMediaType.UNKNOWN, ComplaintMediaType.OPERATION_IMAGE);
		assertThat(complaint.complaintMediaList()).extracting(ComplaintMedia::rawMediaType)
			.containsExactly("USER_COMPLAINT_VIDEO", "OPERATION_IMAGE");
		assertThat(complaint.additionalInfo().type()).isEqualTo(AdditionalInfoType.UNKNOWN);
		assertThat(complaint.additionalInfo().rawType()).isEqualTo("SHARE_BIKE_TYPE");
		// CREATED is WAITPAY's name before June 2022: read as WAITPAY, written back as
		// CREATED.
		assertThat(complaint.serviceOrderInfo()).extracting(ServiceOrder::state)
			.containsExactly(ServiceOrderState.WAITPAY, ServiceOrderState.UNKNOWN);
		assertThat(complaint.serviceOrderInfo()).extracting(ServiceOrder::rawState)
			.containsExactly("CREATED", "SUSPENDED");
		assertThat(complaint.toString()).contains("complaintState=ESCALATED");
	}

	@Test
	void everyValueOfAHistoryThisVersionDoesNotKnowReadsAsUnknownWithItsText() {
		List<NegotiationHistoryEntry> entries = history().data();
		assertThat(entries).extracting(NegotiationHistoryEntry::operateType)
			.containsExactly(OperateType.MERCHANT_REFUSE_RERUND, OperateType.USER_COMFIRM_COMPLAINT,
					OperateType.UNKNOWN, OperateType.MERCHANT_RESPONSE);
		assertThat(entries.get(2).rawOperateType()).isEqualTo("MERCHANT_SENT_CARD");
		assertThat(entries.get(0).complaintMediaList().get(0).mediaType()).isEqualTo(ComplaintMediaType.UNKNOWN);
		assertThat(entries.get(0).complaintMediaList().get(0).rawMediaType()).isEqualTo("OPERATION_VIDEO");
		NormalMessage message = entries.get(2).normalMessage();
		assertThat(message.senderIdentity()).isEqualTo(SenderIdentity.UNKNOWN);
		assertThat(message.rawSenderIdentity()).isEqualTo("AGENT");
		assertThat(message.blocks()).extracting(MessageBlock::type)
			.containsExactly(MessageBlockType.UNKNOWN, MessageBlockType.TEXT, MessageBlockType.IMAGE,
					MessageBlockType.BUTTON_GROUP);
		assertThat(message.blocks().get(0).rawType()).isEqualTo("VIDEO");
		assertThat(message.blocks().get(1).text().color()).isEqualTo(TextColor.UNKNOWN);
		assertThat(message.blocks().get(1).text().rawColor()).isEqualTo("RED");
		assertThat(message.blocks().get(2).image().imageStyleType()).isEqualTo(ImageStyleType.UNKNOWN);
		assertThat(message.blocks().get(2).image().rawImageStyleType()).isEqualTo("IMAGE_STYLE_TYPE_SQUARE");
		ButtonGroupBlock group = message.blocks().get(3).buttonGroup();
		assertThat(group.buttonLayout()).isEqualTo(ButtonLayout.UNKNOWN);
		assertThat(group.rawButtonLayout()).isEqualTo("LAYOUT_GRID");
		assertThat(group.buttons().get(0).action().actionType()).isEqualTo(MessageActionType.UNKNOWN);
		assertThat(group.buttons().get(0).action().rawActionType()).isEqualTo("ACTION_TYPE_CALL_PHONE");
		// WeChat Pay's own UNKNOWN and LAYOUT_UNKNOWN are values too: kept as they came.
		NormalMessage documented = entries.get(3).normalMessage();
		assertThat(documented.senderIdentity()).isEqualTo(SenderIdentity.UNKNOWN);
		assertThat(documented.rawSenderIdentity()).isEqualTo("UNKNOWN");
		assertThat(documented.blocks().get(0).buttonGroup().buttonLayout()).isEqualTo(ButtonLayout.LAYOUT_UNKNOWN);
	}

	@Test
	void aRichMessageReadFromTheHistoryIsSentWithWechatPaysTexts() {
		NormalMessage message = history().data().get(2).normalMessage();
		JsonNode sent = this.mapper
			.readTree(this.mapper.writeValueAsString(ImmediateServiceReply.of("1900012181", message, "id-1")));
		JsonNode arrived = this.mapper.readTree(Answers.read("open-enums-history.json")).get("data").get(2);
		assertThat(sent.get("message")).isEqualTo(arrived.get("normal_message"));
	}

	@Test
	void aRefundDecisionIsSentWithWechatPaysTextWhateverTheApplicationMapperDoesWithEnums() {
		JsonMapper lowerCase = JsonMapper.builder().enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE).build();
		JsonNode sent = lowerCase.readTree(lowerCase.writeValueAsString(RefundDecision.approve(0)));
		assertThat(sent.get("action").asString()).isEqualTo("APPROVE");
	}

	@Test
	void theEnumsWorkInSwitchesAndEnumSets() {
		Complaint complaint = this.mapper.readValue(Answers.read("detail.json"), Complaint.class);
		Set<ComplaintState> open = EnumSet.of(ComplaintState.PENDING, ComplaintState.PROCESSING);
		assertThat(open).contains(complaint.complaintState());
		String next = switch (complaint.complaintState()) {
			case PENDING -> "answer";
			case PROCESSING -> "follow up";
			case PROCESSED -> "archive";
			case UNKNOWN -> "look at " + complaint.rawComplaintState();
		};
		assertThat(next).isEqualTo("follow up");
		assertThat(complaint.complaintState() == ComplaintState.PROCESSING).isTrue();
	}

	private ComplaintPage<NegotiationHistoryEntry> history() {
		return this.mapper.readValue(Answers.read("open-enums-history.json"), new TypeReference<>() {
		});
	}

}
