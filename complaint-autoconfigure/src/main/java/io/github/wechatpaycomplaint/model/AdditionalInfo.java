package io.github.wechatpaycomplaint.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Extra, industry-specific details of a complaint ({@code additional_info}).
 *
 * @param rawType {@code type} as WeChat Pay wrote it, see {@link #type()}
 * @param sharePowerInfo power-bank rental details, for
 * {@link AdditionalInfoType#SHARE_POWER_TYPE}
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdditionalInfo(@JsonProperty("type") @Nullable String rawType, @Nullable SharePowerInfo sharePowerInfo) {

	/**
	 * Kind of details.
	 * @return the kind, {@link AdditionalInfoType#UNKNOWN} for one this version does not
	 * know, {@code null} if not sent
	 */
	@JsonIgnore
	public @Nullable AdditionalInfoType type() {
		return (this.rawType != null) ? AdditionalInfoType.from(this.rawType) : null;
	}

}
