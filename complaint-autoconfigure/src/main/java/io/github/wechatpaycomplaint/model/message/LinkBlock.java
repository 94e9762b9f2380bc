package io.github.wechatpaycomplaint.model.message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A link block ({@code link}).
 *
 * @param text link text
 * @param action what the link does
 * @param invalidInfo when the link stops working
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LinkBlock(String text, @Nullable MessageAction action, @Nullable InvalidInfo invalidInfo) {

}
