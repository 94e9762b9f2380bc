package io.github.wechatpaycomplaint.model.request;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of the notification URL create and update calls.
 *
 * <p>
 * WeChat Pay's rules: a public HTTPS URL, no query string, no Chinese (non-ASCII) domain,
 * at most 255 characters.
 *
 * @param url the URL WeChat Pay posts complaint notifications to
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationUrlRequest(String url) {

	/** Longest URL WeChat Pay accepts. */
	public static final int MAX_LENGTH = 255;

	public NotificationUrlRequest {
		RequestChecks.httpsUrl(url, "url", MAX_LENGTH);
		URI uri = URI.create(url);
		if (uri.getRawQuery() != null) {
			throw new InvalidComplaintRequestException("url", "must not carry a query string");
		}
		if (uri.getRawFragment() != null) {
			throw new InvalidComplaintRequestException("url", "must not carry a fragment");
		}
		if (url.length() != url.getBytes(StandardCharsets.UTF_8).length) {
			throw new InvalidComplaintRequestException("url",
					"must be plain ASCII: WeChat Pay refuses Chinese domains and unencoded characters");
		}
	}

}
