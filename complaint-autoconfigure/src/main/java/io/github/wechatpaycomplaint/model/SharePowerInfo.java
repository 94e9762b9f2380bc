package io.github.wechatpaycomplaint.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Power-bank rental details of a complaint ({@code share_power_info}).
 *
 * @param returnTime when the power bank was returned
 * @param returnAddressInfo where it was returned
 * @param isReturnedToSameMachine whether it was returned to the machine it was taken from
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SharePowerInfo(
		@JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE) @Nullable OffsetDateTime returnTime,
		@Nullable ReturnAddressInfo returnAddressInfo, @Nullable Boolean isReturnedToSameMachine) {

}
