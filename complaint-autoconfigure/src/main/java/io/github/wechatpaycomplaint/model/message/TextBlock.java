package io.github.wechatpaycomplaint.model.message;

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
 * A text block ({@code text}).
 *
 * @param text the text
 * @param rawColor {@code color} as WeChat Pay writes it, see {@link #color()}
 * @param isBold whether the text is bold
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TextBlock(String text, @JsonProperty("color") @Nullable String rawColor, @Nullable Boolean isBold) {

	/**
	 * A text block in a colour this version knows.
	 * @param text the text
	 * @param color colour, or {@code null} for the default
	 * @param isBold whether the text is bold
	 * @throws InvalidComplaintRequestException for {@link TextColor#UNKNOWN}
	 */
	public TextBlock(String text, @Nullable TextColor color, @Nullable Boolean isBold) {
		this(text, RequestChecks.knownValue(color, "color"), isBold);
	}

	/**
	 * A plain text block.
	 * @param text the text
	 * @return the block
	 */
	public static TextBlock of(String text) {
		return new TextBlock(text, (String) null, null);
	}

	/**
	 * Colour.
	 * @return the colour, {@link TextColor#UNKNOWN} for one this version does not know,
	 * {@code null} if not set
	 */
	@JsonIgnore
	public @Nullable TextColor color() {
		return (this.rawColor != null) ? TextColor.from(this.rawColor) : null;
	}

}
