package io.github.wechatpaycomplaint.simulator.state;

import java.time.OffsetDateTime;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One entry of a complaint's negotiation history ({@code negotiation-historys}).
 *
 * @param logId {@code log_id}
 * @param operator {@code operator}, e.g. 投诉人, 商户, 系统
 * @param operateTime {@code operate_time}
 * @param operateType {@code operate_type}, e.g. {@code MERCHANT_RESPONSE}
 * @param operateDetails {@code operate_details}
 * @param imageList {@code image_list} (media ids of the merchant's images)
 * @param normalMessage {@code normal_message} of an immediate-service reply, or
 * {@code null}
 * @since 0.1.0
 */
public record HistoryEntry(String logId, String operator, OffsetDateTime operateTime, String operateType,
		String operateDetails, List<String> imageList, JsonNode normalMessage) {

	public HistoryEntry {
		imageList = List.copyOf(imageList);
	}

}
