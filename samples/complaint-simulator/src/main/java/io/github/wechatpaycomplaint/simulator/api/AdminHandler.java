package io.github.wechatpaycomplaint.simulator.api;

import java.net.URI;
import java.util.Map;

import io.github.wechatpaycomplaint.simulator.SimulatedMerchant;
import io.github.wechatpaycomplaint.simulator.http.ApiAnswer;
import io.github.wechatpaycomplaint.simulator.http.ApiRequest;
import io.github.wechatpaycomplaint.simulator.http.WechatPayError;
import io.github.wechatpaycomplaint.simulator.notify.NotificationDelivery;
import io.github.wechatpaycomplaint.simulator.state.Complaint;
import io.github.wechatpaycomplaint.simulator.state.ImageStore;
import io.github.wechatpaycomplaint.simulator.state.NewComplaint;
import io.github.wechatpaycomplaint.simulator.state.StoredImage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's own HTTP API under {@code /simulator} (the first merchant) and
 * {@code /simulator/merchants/<name>} (any merchant), for people and demos: file
 * complaints, play the user, let a refund arrive, set the callback URL, and look at
 * complaints, notifications and properties. Not signed.
 *
 * @since 0.1.0
 */
final class AdminHandler {

	private static final String JSON = "application/json; charset=utf-8";

	private final SimulatedMerchant merchant;

	private final ComplaintRules rules;

	private final ComplaintJson json;

	private final ImageStore images;

	private final JsonMapper jsonMapper;

	AdminHandler(SimulatedMerchant merchant, ComplaintRules rules, ComplaintJson json, ImageStore images,
			JsonMapper jsonMapper) {
		this.merchant = merchant;
		this.rules = rules;
		this.json = json;
		this.images = images;
		this.jsonMapper = jsonMapper;
	}

	ApiAnswer fileComplaint(ApiRequest request) {
		JsonNode body = request.json();
		String problemType = this.rules.optionalText(body, "problem_type", 32);
		if (problemType != null && !problemType.matches("REFUND|SERVICE_NOT_WORK|OTHERS")) {
			throw WechatPayError.paramError("body", "problem_type", problemType,
					"problem_type must be REFUND, SERVICE_NOT_WORK or OTHERS");
		}
		JsonNode amount = body.path("amount");
		JsonNode immediate = body.path("need_immediate_service");
		String id = this.merchant.fileComplaint(new NewComplaint(this.rules.optionalText(body, "complaint_detail", 300),
				amount.isIntegralNumber() ? amount.asInt() : null, problemType,
				immediate.isBoolean() ? immediate.asBoolean() : null));
		return ApiAnswer.plain(201, JSON, write(this.jsonMapper.createObjectNode().put("complaint_id", id)));
	}

	ApiAnswer complaints(ApiRequest request) {
		ArrayNode list = this.jsonMapper.createArrayNode();
		for (Complaint complaint : this.merchant.complaints()) {
			list.addObject()
				.put("complaint_id", complaint.getId())
				.put("complaint_state", complaint.getState().name())
				.put("problem_type", complaint.getProblemType())
				.put("complaint_detail", complaint.getDetail())
				.put("history_entries", complaint.getHistory().size());
		}
		return ApiAnswer.plain(200, JSON, write(list));
	}

	ApiAnswer complaint(ApiRequest request) {
		Complaint complaint = this.rules.complaint(request);
		ObjectNode detail = this.json.complaint(complaint, false, true);
		ArrayNode history = detail.putArray("negotiation_history");
		complaint.getHistory().forEach((entry) -> history.add(this.json.history(complaint, entry, false)));
		return ApiAnswer.plain(200, JSON, write(detail));
	}

	ApiAnswer userResponse(ApiRequest request) {
		Complaint complaint = this.rules.complaint(request);
		String content = this.rules.optionalText(request.json(), "content", 500);
		this.merchant.userResponse(complaint.getId(), (content != null) ? content : "请问什么时候处理？");
		return ApiAnswer.plain(204, null, "");
	}

	ApiAnswer continueComplaint(ApiRequest request) {
		Complaint complaint = this.rules.complaint(request);
		String content = this.rules.optionalText(request.json(), "content", 500);
		this.merchant.continueComplaint(complaint.getId(), (content != null) ? content : "问题仍未解决");
		return ApiAnswer.plain(204, null, "");
	}

	ApiAnswer refundArrived(ApiRequest request) {
		this.merchant.refundArrived(this.rules.complaint(request).getId());
		return ApiAnswer.plain(204, null, "");
	}

	ApiAnswer setCallbackUrl(ApiRequest request) {
		String url = this.rules.requiredText(request.json(), "url", 1024);
		this.merchant.callbackUrl(URI.create(url));
		return ApiAnswer.plain(200, JSON, write(this.jsonMapper.createObjectNode().put("url", url)));
	}

	ApiAnswer clearCallbackUrl(ApiRequest request) {
		this.merchant.callbackUrl(null);
		return ApiAnswer.plain(204, null, "");
	}

	ApiAnswer notifications(ApiRequest request) {
		ArrayNode list = this.jsonMapper.createArrayNode();
		for (NotificationDelivery delivery : this.merchant.deliveries()) {
			ObjectNode item = list.addObject()
				.put("id", delivery.getNotificationId())
				.put("event_type", delivery.getEventType())
				.put("action_type", delivery.getActionType())
				.put("complaint_id", delivery.getComplaintId())
				.put("duplicate", delivery.isDuplicate())
				.put("target", delivery.getTarget().toString())
				.put("delivered", delivery.isDelivered());
			ArrayNode attempts = item.putArray("attempts");
			delivery.getAttempts()
				.forEach((attempt) -> attempts.addObject()
					.put("number", attempt.number())
					.put("time", attempt.time().toString())
					.put("status", attempt.status())
					.put("failure", attempt.failure()));
		}
		return ApiAnswer.plain(200, JSON, write(list));
	}

	ApiAnswer properties(ApiRequest request) {
		StringBuilder text = new StringBuilder();
		for (Map.Entry<String, String> property : this.merchant.simulator().applicationProperties().entrySet()) {
			text.append(property.getKey())
				.append('=')
				.append(property.getValue().strip().replace("\n", "\\n"))
				.append('\n');
		}
		return ApiAnswer.plain(200, "text/plain; charset=utf-8", text.toString());
	}

	ApiAnswer image(ApiRequest request) {
		String mediaId = request.pathVariable("mediaId");
		StoredImage image = this.images.find(mediaId)
			.orElseThrow(() -> WechatPayError.resourceNotExists(404, "no image " + mediaId));
		return ApiAnswer.unsignedBytes(image.contentType(), image.bytes());
	}

	private String write(JsonNode node) {
		return this.jsonMapper.writerWithDefaultPrettyPrinter().writeValueAsString(node);
	}

}
