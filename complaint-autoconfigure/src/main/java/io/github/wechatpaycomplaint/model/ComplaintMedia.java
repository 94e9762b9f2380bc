package io.github.wechatpaycomplaint.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Images attached to a complaint or a negotiation record ({@code complaint_media_list}).
 *
 * @param rawMediaType {@code media_type} as WeChat Pay wrote it, see {@link #mediaType()}
 * @param mediaUrl download URLs, to be fetched with the client's image download
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintMedia(@JsonProperty("media_type") @Nullable String rawMediaType, List<String> mediaUrl) {

	public ComplaintMedia {
		mediaUrl = (mediaUrl != null) ? List.copyOf(mediaUrl) : List.of();
	}

	/**
	 * Kind of images.
	 * @return the kind, {@link ComplaintMediaType#UNKNOWN} for one this version does not
	 * know, {@code null} if not sent
	 */
	@JsonIgnore
	public @Nullable ComplaintMediaType mediaType() {
		return (this.rawMediaType != null) ? ComplaintMediaType.from(this.rawMediaType) : null;
	}

}
