package io.github.wechatpaycomplaint.model.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A group of buttons ({@code button_group}).
 *
 * @param buttons the buttons
 * @param buttonLayout how the buttons are laid out
 * @param invalidInfo when the group stops working
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ButtonGroupBlock(List<ButtonBlock> buttons,
		@Nullable ButtonLayout buttonLayout,
		@Nullable InvalidInfo invalidInfo) {

	public ButtonGroupBlock {
		buttons = (buttons != null) ? List.copyOf(buttons) : List.of();
	}

}
