package io.github.wechatpaycomplaint.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Images attached to a complaint or a negotiation record ({@code complaint_media_list}).
 *
 * @param mediaType kind of images
 * @param mediaUrl download URLs, to be fetched with the client's image download
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintMedia(@Nullable ComplaintMediaType mediaType,
		List<String> mediaUrl) {

	public ComplaintMedia {
		mediaUrl = (mediaUrl != null) ? List.copyOf(mediaUrl) : List.of();
	}

}
