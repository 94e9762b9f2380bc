package io.github.wechatpaycomplaint.simulator.api;

import java.util.List;

import io.github.wechatpaycomplaint.simulator.http.ApiAnswer;
import io.github.wechatpaycomplaint.simulator.http.ApiRequest;
import io.github.wechatpaycomplaint.simulator.http.WechatPayError;
import io.github.wechatpaycomplaint.simulator.state.Complaint;
import io.github.wechatpaycomplaint.simulator.state.ComplaintStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The merchant's actions on a complaint: reply ({@code response}), reply to an
 * immediate-service complaint ({@code response-immediate-service}, idempotent by
 * {@code idempotent_id}), {@code complete} and {@code update-refund-progress}.
 *
 * @since 0.1.0
 */
final class ComplaintActionHandler {

	private final ComplaintStore store;

	private final ComplaintRules rules;

	private final JsonMapper jsonMapper;

	ComplaintActionHandler(ComplaintStore store, ComplaintRules rules, JsonMapper jsonMapper) {
		this.store = store;
		this.rules = rules;
		this.jsonMapper = jsonMapper;
	}

	ApiAnswer reply(ApiRequest request) {
		Complaint complaint = this.rules.complaint(request);
		JsonNode body = request.json();
		this.rules.complaintedMchid(body);
		String content = this.rules.responseContent(body);
		List<String> images = this.rules.mediaIds(body, "response_images");
		this.rules.jumpUrl(body);
		this.store.reply(complaint, content, images);
		return ApiAnswer.noContent();
	}

	ApiAnswer replyImmediately(ApiRequest request) {
		Complaint complaint = this.rules.complaint(request);
		JsonNode body = request.json();
		this.rules.complaintedMchid(body);
		String idempotentId = this.rules.requiredText(body, "idempotent_id", 128);
		JsonNode message = body.path("message");
		if (!message.isObject()) {
			throw WechatPayError.paramError("body", "message", null, "message为必填参数 (message is required)");
		}
		if (!complaint.isNeedImmediateService()) {
			throw WechatPayError
				.invalidRequest("该投诉单无需即时服务，请使用回复接口 (need_immediate_service is false: use the response API)");
		}
		StringBuilder text = new StringBuilder();
		message.path("blocks").forEach((block) -> {
			String part = block.path("text").path("text").asString("");
			if (!part.isEmpty()) {
				text.append((text.length() > 0) ? "\n" : "").append(part);
			}
		});
		String logId = this.store.replyImmediately(complaint, idempotentId, text.toString(), message);
		ObjectNode answer = this.jsonMapper.createObjectNode().put("log_id", logId);
		return ApiAnswer.json(200, this.jsonMapper.writeValueAsBytes(answer));
	}

	ApiAnswer complete(ApiRequest request) {
		Complaint complaint = this.rules.complaint(request);
		this.rules.complaintedMchid(request.json());
		this.store.complete(complaint);
		return ApiAnswer.noContent();
	}

	ApiAnswer updateRefundProgress(ApiRequest request) {
		Complaint complaint = this.rules.complaint(request);
		JsonNode body = request.json();
		String action = this.rules.requiredText(body, "action", 16);
		this.rules.optionalText(body, "remark", 200);
		JsonNode launchRefundDay = body.path("launch_refund_day");
		boolean hasLaunchDay = !launchRefundDay.isMissingNode() && !launchRefundDay.isNull();
		if (hasLaunchDay && (!launchRefundDay.isIntegralNumber() || launchRefundDay.asInt() < 0)) {
			throw WechatPayError.paramError("body", "launch_refund_day", launchRefundDay.toString(),
					"launch_refund_day必须是非负整数 (launch_refund_day must be a whole number of days, 0 or more)");
		}
		if ("APPROVE".equals(action)) {
			this.store.approveRefund(complaint, hasLaunchDay ? launchRefundDay.asInt() : null);
		}
		else if ("REJECT".equals(action)) {
			if (hasLaunchDay) {
				throw WechatPayError.paramError("body", "launch_refund_day", launchRefundDay.toString(),
						"拒绝退款时不能填写launch_refund_day (launch_refund_day goes with APPROVE only)");
			}
			String reason = this.rules.optionalText(body, "reject_reason", 200);
			List<String> images = this.rules.mediaIds(body, "reject_media_list");
			this.store.rejectRefund(complaint, (reason != null) ? reason : "", images);
		}
		else {
			throw WechatPayError.paramError("body", "action", action,
					"action取值应为APPROVE或REJECT (action must be APPROVE or REJECT)");
		}
		return ApiAnswer.noContent();
	}

}
