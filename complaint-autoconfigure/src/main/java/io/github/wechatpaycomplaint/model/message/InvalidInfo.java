package io.github.wechatpaycomplaint.model.message;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * When a link or button stops working ({@code invalid_info}).
 *
 * @param expiredTime when it expires
 * @param multiClickable whether the user may click it more than once
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record InvalidInfo(
		@JsonFormat(
				without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE) @Nullable OffsetDateTime expiredTime,
		@Nullable Boolean multiClickable) {

}
