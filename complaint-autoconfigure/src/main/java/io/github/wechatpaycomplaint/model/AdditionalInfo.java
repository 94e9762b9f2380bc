package io.github.wechatpaycomplaint.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Extra, industry-specific details of a complaint ({@code additional_info}).
 *
 * @param type kind of details
 * @param sharePowerInfo power-bank rental details, for {@link AdditionalInfoType#SHARE_POWER_TYPE}
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdditionalInfo(@Nullable AdditionalInfoType type,
		@Nullable SharePowerInfo sharePowerInfo) {

}
