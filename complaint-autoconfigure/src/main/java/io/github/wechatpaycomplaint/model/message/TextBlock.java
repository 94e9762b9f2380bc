package io.github.wechatpaycomplaint.model.message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A text block ({@code text}).
 *
 * @param text the text
 * @param color colour
 * @param isBold whether the text is bold
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TextBlock(String text,
		@Nullable TextColor color,
		@Nullable Boolean isBold) {

	/**
	 * A plain text block.
	 * @param text the text
	 * @return the block
	 */
	public static TextBlock of(String text) {
		return new TextBlock(text, null, null);
	}

}
