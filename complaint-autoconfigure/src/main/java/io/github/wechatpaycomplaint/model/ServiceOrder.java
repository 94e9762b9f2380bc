package io.github.wechatpaycomplaint.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A PayScore service order a complaint is about ({@code service_order_info[]}).
 *
 * @param orderId PayScore order id
 * @param outOrderNo merchant service order number
 * @param rawState {@code state} as WeChat Pay wrote it, see {@link #state()}
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceOrder(String orderId, String outOrderNo, @JsonProperty("state") @Nullable String rawState) {

	/**
	 * State when the complaint was filed, not the live state.
	 * @return the state, {@link ServiceOrderState#UNKNOWN} for one this version does not
	 * know, {@code null} if not sent
	 */
	@JsonIgnore
	public @Nullable ServiceOrderState state() {
		return (this.rawState != null) ? ServiceOrderState.from(this.rawState) : null;
	}

}
