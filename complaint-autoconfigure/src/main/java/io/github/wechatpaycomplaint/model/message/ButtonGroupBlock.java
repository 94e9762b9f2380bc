package io.github.wechatpaycomplaint.model.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.wechatpaycomplaint.model.request.InvalidComplaintRequestException;
import io.github.wechatpaycomplaint.model.request.RequestChecks;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A group of buttons ({@code button_group}).
 *
 * @param buttons the buttons
 * @param rawButtonLayout {@code button_layout} as WeChat Pay writes it, see
 * {@link #buttonLayout()}
 * @param invalidInfo when the group stops working
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ButtonGroupBlock(List<ButtonBlock> buttons,
		@JsonProperty("button_layout") @Nullable String rawButtonLayout, @Nullable InvalidInfo invalidInfo) {

	public ButtonGroupBlock {
		buttons = (buttons != null) ? List.copyOf(buttons) : List.of();
	}

	/**
	 * A group of buttons in a layout this version knows.
	 * @param buttons the buttons
	 * @param buttonLayout how the buttons are laid out, or {@code null} for WeChat Pay's
	 * default
	 * @param invalidInfo when the group stops working
	 * @throws InvalidComplaintRequestException for {@link ButtonLayout#UNKNOWN}
	 */
	public ButtonGroupBlock(List<ButtonBlock> buttons, @Nullable ButtonLayout buttonLayout,
			@Nullable InvalidInfo invalidInfo) {
		this(buttons, RequestChecks.knownValue(buttonLayout, "button_layout"), invalidInfo);
	}

	/**
	 * How the buttons are laid out.
	 * @return the layout, {@link ButtonLayout#UNKNOWN} for one this version does not
	 * know, {@code null} if not set
	 */
	@JsonIgnore
	public @Nullable ButtonLayout buttonLayout() {
		return (this.rawButtonLayout != null) ? ButtonLayout.from(this.rawButtonLayout) : null;
	}

}
