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
 * An image block ({@code image}).
 *
 * @param mediaId {@code media_id} from the image upload
 * @param rawImageStyleType {@code image_style_type} as WeChat Pay writes it, see
 * {@link #imageStyleType()}
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImageBlock(String mediaId, @JsonProperty("image_style_type") @Nullable String rawImageStyleType) {

	/**
	 * An image block in a layout this version knows.
	 * @param mediaId {@code media_id} from the image upload
	 * @param imageStyleType layout of the image, or {@code null} for WeChat Pay's default
	 * @throws InvalidComplaintRequestException for {@link ImageStyleType#UNKNOWN}
	 */
	public ImageBlock(String mediaId, @Nullable ImageStyleType imageStyleType) {
		this(mediaId, RequestChecks.knownValue(imageStyleType, "image_style_type"));
	}

	/**
	 * Layout of the image.
	 * @return the layout, {@link ImageStyleType#UNKNOWN} for one this version does not
	 * know, {@code null} if not set
	 */
	@JsonIgnore
	public @Nullable ImageStyleType imageStyleType() {
		return (this.rawImageStyleType != null) ? ImageStyleType.from(this.rawImageStyleType) : null;
	}

}
