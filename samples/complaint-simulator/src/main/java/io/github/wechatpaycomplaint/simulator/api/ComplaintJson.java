package io.github.wechatpaycomplaint.simulator.api;

import java.security.PublicKey;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.simulator.crypto.RsaOaep;
import io.github.wechatpaycomplaint.simulator.state.Complaint;
import io.github.wechatpaycomplaint.simulator.state.HistoryEntry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes complaints and history entries in WeChat Pay's JSON shape, mainland or Hong Kong
 * flavour, with {@code payer_phone} RSA-OAEP-encrypted for the merchant.
 *
 * @since 0.1.0
 */
final class ComplaintJson {

	private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final JsonMapper jsonMapper;

	private final PublicKey merchantPublicKey;

	private final Supplier<String> baseUri;

	private final Supplier<String> adminUri;

	ComplaintJson(JsonMapper jsonMapper, PublicKey merchantPublicKey, Supplier<String> baseUri,
			Supplier<String> adminUri) {
		this.jsonMapper = jsonMapper;
		this.merchantPublicKey = merchantPublicKey;
		this.baseUri = baseUri;
		this.adminUri = adminUri;
	}

	/**
	 * One complaint.
	 * @param complaint the complaint
	 * @param global whether to write the Hong Kong shape
	 * @param detail whether this is the detail answer (which adds {@code payer_openid})
	 * @return the JSON object
	 */
	ObjectNode complaint(Complaint complaint, boolean global, boolean detail) {
		ObjectNode json = this.jsonMapper.createObjectNode();
		json.put("complaint_id", complaint.getId());
		json.put("complaint_time", RFC_3339.format(complaint.getComplaintTime()));
		json.put("complaint_detail", complaint.getDetail());
		json.put("complaint_state", complaint.getState().name());
		json.put("complainted_mchid", complaint.getMerchantId());
		json.put("payer_phone", RsaOaep.encrypt(this.merchantPublicKey, complaint.getPayerPhone()));
		if (detail) {
			json.put("payer_openid", complaint.getPayerOpenid());
		}
		ObjectNode media = json.putArray("complaint_media_list").addObject();
		media.put("media_type", "USER_COMPLAINT_IMAGE");
		ArrayNode urls = media.putArray("media_url");
		complaint.getUserImages().forEach((mediaId) -> urls.add(mediaUrl(complaint, mediaId, global)));
		order(json.putArray("complaint_order_info").addObject(), complaint, global);
		json.putArray("service_order_info");
		json.put("complaint_full_refunded", complaint.isFullRefunded());
		json.put("incoming_user_response", complaint.isIncomingUserResponse());
		json.put("problem_description", complaint.getProblemDescription());
		json.put("user_complaint_times", complaint.getUserComplaintTimes());
		if (global) {
			json.put("is_overdue", false);
			json.put("priority", "GENERAL");
			json.put("complaint_detail_trans", complaint.getDetail());
			return json;
		}
		json.put("problem_type", complaint.getProblemType());
		if ("REFUND".equals(complaint.getProblemType())) {
			json.put("apply_refund_amount", complaint.getAmount());
		}
		json.putArray("user_tag_list");
		json.put("in_platform_service", false);
		json.put("need_immediate_service", complaint.isNeedImmediateService());
		return json;
	}

	/**
	 * One history entry.
	 * @param complaint the complaint it belongs to
	 * @param entry the entry
	 * @param global whether the request used the Hong Kong path
	 * @return the JSON object
	 */
	ObjectNode history(Complaint complaint, HistoryEntry entry, boolean global) {
		ObjectNode json = this.jsonMapper.createObjectNode();
		json.put("log_id", entry.logId());
		json.put("operator", entry.operator());
		json.put("operate_time", RFC_3339.format(entry.operateTime()));
		json.put("operate_type", entry.operateType());
		json.put("operate_details", entry.operateDetails());
		ArrayNode images = json.putArray("image_list");
		// Temporary links, like WeChat Pay's one-hour image URLs: served without a
		// signature.
		entry.imageList().forEach((mediaId) -> images.add(this.adminUri.get() + "/images/" + mediaId));
		if ("USER_CREATE_COMPLAINT".equals(entry.operateType())) {
			ObjectNode media = json.putObject("complaint_media_list");
			media.put("media_type", "USER_COMPLAINT_IMAGE");
			ArrayNode urls = media.putArray("media_url");
			complaint.getUserImages().forEach((mediaId) -> urls.add(mediaUrl(complaint, mediaId, global)));
		}
		if (entry.normalMessage() != null) {
			json.set("normal_message", entry.normalMessage());
		}
		return json;
	}

	private void order(ObjectNode order, Complaint complaint, boolean global) {
		order.put("transaction_id", complaint.getTransactionId());
		order.put("out_trade_no", complaint.getOutTradeNo());
		if (!global) {
			order.put("amount", complaint.getAmount());
			return;
		}
		order.put("settlement_amount", complaint.getAmount());
		order.put("settlement_refunded_amount",
				complaint.isFullRefunded() ? String.valueOf(complaint.getAmount()) : "0");
		order.put("settlement_currency", "HKD");
		order.put("payer_amount", complaint.getAmount());
		order.put("payer_refunded_amount", complaint.isFullRefunded() ? complaint.getAmount() : 0);
		order.put("payer_currency", "CNY");
		order.put("trade_time", RFC_3339.format(complaint.getComplaintTime().minusHours(1)));
	}

	private String mediaUrl(Complaint complaint, String mediaId, boolean global) {
		return global ? this.baseUri.get() + "/v3/global/merchant-service/images/" + mediaId + "?complaint_id="
				+ complaint.getId() : this.baseUri.get() + "/v3/merchant-service/images/" + mediaId;
	}

}
