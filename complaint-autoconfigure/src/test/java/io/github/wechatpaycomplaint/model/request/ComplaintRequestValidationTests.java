package io.github.wechatpaycomplaint.model.request;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.wechatpaycomplaint.model.MchLanguage;
import io.github.wechatpaycomplaint.model.MiniProgramJumpInfo;
import io.github.wechatpaycomplaint.model.RefundAction;
import io.github.wechatpaycomplaint.model.message.ButtonGroupBlock;
import io.github.wechatpaycomplaint.model.message.ButtonLayout;
import io.github.wechatpaycomplaint.model.message.ImageBlock;
import io.github.wechatpaycomplaint.model.message.ImageStyleType;
import io.github.wechatpaycomplaint.model.message.MessageAction;
import io.github.wechatpaycomplaint.model.message.MessageActionType;
import io.github.wechatpaycomplaint.model.message.MessageBlock;
import io.github.wechatpaycomplaint.model.message.MessageBlockType;
import io.github.wechatpaycomplaint.model.message.NormalMessage;
import io.github.wechatpaycomplaint.model.message.SenderIdentity;
import io.github.wechatpaycomplaint.model.message.TextBlock;
import io.github.wechatpaycomplaint.model.message.TextColor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every documented rule is checked before a call, and the error names the field as WeChat
 * Pay spells it.
 */
class ComplaintRequestValidationTests {

	private static final LocalDate JUNE_1 = LocalDate.of(2025, 6, 1);

	private static final NormalMessage MESSAGE = NormalMessage.of(MessageBlock.text(TextBlock.of("您好")));

	static Stream<Arguments> brokenRules() {
		return Stream.of(rule("limit 0", "limit", () -> ComplaintListQuery.between(JUNE_1, JUNE_1).page(0, 0)),
				rule("limit 51", "limit", () -> ComplaintListQuery.between(JUNE_1, JUNE_1).page(51, 0)),
				rule("negative offset", "offset", () -> ComplaintListQuery.between(JUNE_1, JUNE_1).page(10, -1)),
				rule("31 days", "end_date", () -> ComplaintListQuery.between(JUNE_1, JUNE_1.plusDays(30))),
				rule("end before begin", "end_date", () -> ComplaintListQuery.between(JUNE_1, JUNE_1.minusDays(1))),
				rule("no begin", "begin_date", () -> ComplaintListQuery.between(null, JUNE_1)),
				rule("mchid too long", "complainted_mchid",
						() -> ComplaintListQuery.between(JUNE_1, JUNE_1).complaintedMchid("1".repeat(65))),
				rule("history limit 0", "limit", () -> NegotiationHistoryQuery.page(0, 0)),
				rule("history limit 301", "limit", () -> NegotiationHistoryQuery.page(301, 0)),
				rule("history negative offset", "offset", () -> NegotiationHistoryQuery.page(300, -1)),
				rule("empty reply", "response_content", () -> ComplaintReply.builder("1900012181", "").build()),
				rule("501-character reply", "response_content",
						() -> ComplaintReply.builder("1900012181", "好".repeat(501)).build()),
				rule("emoji in reply", "response_content", () -> ComplaintReply.builder("1900012181", "好😀").build()),
				rule("no mchid in reply", "complainted_mchid", () -> ComplaintReply.builder(null, "好").build()),
				rule("5 images", "response_images",
						() -> ComplaintReply.builder("1900012181", "好")
							.responseImages("1", "2", "3", "4", "5")
							.build()),
				rule("blank image id", "response_images",
						() -> ComplaintReply.builder("1900012181", "好").responseImages(" ").build()),
				rule("http jump url", "jump_url",
						() -> ComplaintReply.builder("1900012181", "好").jumpUrl("http://example.com", "查看").build()),
				rule("jump url without text", "jump_url_text",
						() -> new ComplaintReply("1900012181", "好", null, "https://example.com", null, null)),
				rule("11-character jump text", "jump_url_text",
						() -> ComplaintReply.builder("1900012181", "好")
							.jumpUrl("https://example.com", "一二三四五六七八九十一")
							.build()),
				rule("jump text without url", "jump_url_text",
						() -> new ComplaintReply("1900012181", "好", null, null, "查看", null)),
				rule("mini program without path", "mini_program_jump_info.path",
						() -> ComplaintReply.builder("1900012181", "好")
							.miniProgramJumpInfo(new MiniProgramJumpInfo("wx1", null, "首页"))
							.build()),
				rule("http notification url", "url", () -> new NotificationUrlRequest("http://example.com/notify")),
				rule("notification url with query", "url",
						() -> new NotificationUrlRequest("https://example.com/notify?a=1")),
				rule("256-character notification url", "url",
						() -> new NotificationUrlRequest("https://example.com/" + "a".repeat(236))),
				rule("Chinese notification domain", "url",
						() -> new NotificationUrlRequest("https://投诉.example.com/n")),
				rule("relative notification url", "url", () -> new NotificationUrlRequest("/notify")),
				rule("201-character reject reason", "reject_reason", () -> RefundDecision.reject("拒".repeat(201))),
				rule("5 reject images", "reject_media_list",
						() -> RefundDecision.reject("拒绝", "1", "2", "3", "4", "5")),
				rule("negative launch day", "launch_refund_day", () -> RefundDecision.approve(-1)),
				rule("launch day with reject", "launch_refund_day",
						() -> new RefundDecision(RefundAction.REJECT, 1, "拒绝", List.of(), null)),
				rule("reason with approve", "reject_reason",
						() -> new RefundDecision(RefundAction.APPROVE, 1, "拒绝", List.of(), null)),
				rule("images with approve", "reject_media_list",
						() -> new RefundDecision(RefundAction.APPROVE, null, null, List.of("1"), null)),
				rule("unknown action", "action",
						() -> new RefundDecision(RefundAction.UNKNOWN, null, null, List.of(), null)),
				rule("UNKNOWN list language", "mch_language",
						() -> ComplaintListQuery.between(JUNE_1, JUNE_1).mchLanguage(MchLanguage.UNKNOWN)),
				rule("UNKNOWN history language", "mch_language",
						() -> NegotiationHistoryQuery.page(10, 0).mchLanguage(MchLanguage.UNKNOWN)),
				rule("UNKNOWN block type", "type",
						() -> new MessageBlock(MessageBlockType.UNKNOWN, TextBlock.of("您好"), null, null, null, null,
								null)),
				rule("UNKNOWN text colour", "color", () -> new TextBlock("您好", TextColor.UNKNOWN, true)),
				rule("UNKNOWN image style", "image_style_type", () -> new ImageBlock("m", ImageStyleType.UNKNOWN)),
				rule("UNKNOWN button layout", "button_layout",
						() -> new ButtonGroupBlock(List.of(), ButtonLayout.UNKNOWN, null)),
				rule("UNKNOWN action type", "action_type",
						() -> new MessageAction(MessageActionType.UNKNOWN, null, null, null, "a")),
				rule("UNKNOWN sender", "sender_identity",
						() -> new NormalMessage(List.of(), SenderIdentity.UNKNOWN, null)),
				rule("201-character remark", "remark", () -> RefundDecision.approve(0).withRemark("备".repeat(201))),
				rule("no idempotent id", "idempotent_id", () -> ImmediateServiceReply.of("1900012181", MESSAGE, "")),
				rule("129-character idempotent id", "idempotent_id",
						() -> ImmediateServiceReply.of("1900012181", MESSAGE, "i".repeat(129))),
				rule("no message", "message", () -> new ImmediateServiceReply("1900012181", null, "id")),
				rule("4097-character custom data", "message.custom_data",
						() -> ImmediateServiceReply.of("1900012181",
								new NormalMessage(List.of(), (String) null, "c".repeat(4097)), "id")),
				rule("no completion mchid", "complainted_mchid", () -> new ComplaintCompletion(" ")),
				rule("blank complaint id", "complaint_id", () -> RequestChecks.complaintId("")),
				rule("65-character complaint id", "complaint_id", () -> RequestChecks.complaintId("1".repeat(65))),
				rule("dot-dot complaint id", "complaint_id", () -> RequestChecks.complaintId("..")),
				rule("dot complaint id", "complaint_id", () -> RequestChecks.complaintId(".")),
				rule("complaint id with a slash", "complaint_id", () -> RequestChecks.complaintId("2002/018")),
				rule("dot-dot image id", "response_images",
						() -> ComplaintReply.builder("1900012181", "好").responseImages("..").build()),
				rule("513-character image id", "response_images",
						() -> ComplaintReply.builder("1900012181", "好").responseImages("m".repeat(513)).build()),
				rule("image id with a space", "response_images",
						() -> ComplaintReply.builder("1900012181", "好").responseImages("file 1").build()),
				rule("dot reject image id", "reject_media_list", () -> RefundDecision.reject("拒", ".")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenRules")
	void refusesABrokenRuleNamingTheField(String rule, String field, Supplier<Object> request) {
		assertThatExceptionOfType(InvalidComplaintRequestException.class).isThrownBy(request::get).satisfies((ex) -> {
			assertThat(ex.getField()).isEqualTo(field);
			assertThat(ex.getMessage()).startsWith(field + " ").isEqualTo(field + " " + ex.getRule());
		});
	}

	@Test
	void acceptsTheLimitsThemselves() {
		assertThat(ComplaintListQuery.between(JUNE_1, JUNE_1.plusDays(29)).page(1, 0).limit()).isEqualTo(1);
		assertThat(ComplaintListQuery.between(JUNE_1, JUNE_1.plusDays(29)).page(50, 0).limit()).isEqualTo(50);
		assertThat(NegotiationHistoryQuery.page(300, 0).limit()).isEqualTo(300);
		assertThat(ComplaintReply.builder("1900012181", "好".repeat(500))
			.responseImages("1", "2", "3", "4")
			.jumpUrl("https://example.com", "一二三四五六七八九十")
			.build()
			.responseImages()).hasSize(4);
		assertThat(new NotificationUrlRequest("https://example.com/" + "a".repeat(235)).url()).hasSize(255);
		assertThat(RefundDecision.approve(0).launchRefundDay()).isZero();
		assertThat(RefundDecision.reject("拒".repeat(200), "1", "2", "3", "4").withRemark("备".repeat(200)).remark())
			.hasSize(200);
		assertThat(ImmediateServiceReply.of("1900012181", MESSAGE, "i".repeat(128)).idempotentId()).hasSize(128);
		assertThat(RequestChecks.complaintId("2".repeat(64))).hasSize(64);
		assertThat(ComplaintReply.builder("1900012181", "好")
			.responseImages("file752398_7983424", "file23578_21798531.jpg", "ChsyMDAw+/GAAgAQ==", "m".repeat(512))
			.build()
			.responseImages()).hasSize(4);
	}

	@Test
	void doesNotEchoTextContentInTheMessage() {
		assertThatExceptionOfType(InvalidComplaintRequestException.class)
			.isThrownBy(() -> ComplaintReply.builder("1900012181", "secret-reply-" + "x".repeat(500)).build())
			.withMessageNotContaining("secret-reply");
	}

	private static Arguments rule(String name, String field, Supplier<Object> request) {
		return arguments(name, field, request);
	}

}
