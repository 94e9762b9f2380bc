package io.github.wechatpaycomplaint.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A PayScore service order a complaint is about ({@code service_order_info[]}).
 *
 * @param orderId PayScore order id
 * @param outOrderNo merchant service order number
 * @param state state when the complaint was filed, not the live state
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceOrder(String orderId,
		String outOrderNo,
		@Nullable ServiceOrderState state) {

}
