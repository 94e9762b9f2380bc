package io.github.wechatpaycomplaint.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Where a rented power bank was returned ({@code return_address_info}).
 *
 * @param returnAddress address text
 * @param longitude longitude, as text
 * @param latitude latitude, as text
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReturnAddressInfo(@Nullable String returnAddress, @Nullable String longitude, @Nullable String latitude) {

	// Where a user returned a power bank is the user's whereabouts.
	@Override
	public String toString() {
		return "ReturnAddressInfo[returnAddress=" + Redaction.of(this.returnAddress) + ", longitude="
				+ Redaction.of(this.longitude) + ", latitude=" + Redaction.of(this.latitude) + "]";
	}
}
