package io.github.wechatpaycomplaint.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * Reads WeChat Pay's error body ({@code {"code","message","detail"}}) into a
 * {@link WechatPayApiException}.
 *
 * @since 0.1.0
 */
public final class WechatPayErrorAnswers {

	private static final TypeReference<Map<String, Object>> STRING_OBJECT_MAP = new TypeReference<>() {
	};

	private WechatPayErrorAnswers() {
	}

	/**
	 * Builds the exception for an error answer.
	 * @param jsonMapper the mapper that reads the body
	 * @param status the HTTP status
	 * @param statusText the reason phrase, used when the body has no message
	 * @param body the raw body
	 * @param requestId the {@code Request-ID} header
	 * @param verified whether the answer's signature was verified
	 * @return the exception to throw
	 */
	public static WechatPayApiException toException(JsonMapper jsonMapper, HttpStatusCode status, String statusText,
			byte[] body, @Nullable String requestId, boolean verified) {
		String code = null;
		String message = null;
		Map<String, Object> detail = null;
		try {
			JsonNode json = jsonMapper.readTree(body);
			if (json != null && json.isObject()) {
				code = text(json.get("code"));
				message = text(json.get("message"));
				JsonNode detailNode = json.get("detail");
				if (detailNode != null && detailNode.isObject()) {
					detail = jsonMapper.convertValue(detailNode, STRING_OBJECT_MAP);
				}
			}
		}
		catch (RuntimeException ex) {
			// Not JSON (a proxy's HTML page, an empty body): the status alone describes
			// the failure.
		}
		if (message == null && !statusText.isEmpty()) {
			message = statusText;
		}
		return new WechatPayApiException(status.value(), code, message, detail, requestId, verified);
	}

	/**
	 * Builds the exception for a redirect (3xx), which no WeChat Pay API answers: the
	 * starter never follows one, so neither the merchant's signature nor the request
	 * leaves for the host the {@code Location} names.
	 * @param status the 3xx status
	 * @param headers the answer's headers
	 * @return the exception to throw, naming the status and the {@code Location} host
	 * (never the full URL)
	 */
	static WechatPayApiException redirect(HttpStatusCode status, HttpHeaders headers) {
		return new WechatPayApiException(status.value(), null,
				"redirect to " + locationHost(headers.getFirst(HttpHeaders.LOCATION))
						+ " refused: WeChat Pay APIs never redirect, so the starter does not follow; check "
						+ "wechatpay.complaint.client.base-uri and any proxy in between",
				null, headers.getFirst(WechatPayResponseVerifyingInterceptor.REQUEST_ID), false);
	}

	private static String locationHost(@Nullable String location) {
		if (location == null || location.isBlank()) {
			return "no Location";
		}
		try {
			String host = new URI(location.strip()).getHost();
			return (host != null) ? "host " + host : "a relative Location";
		}
		catch (URISyntaxException ex) {
			return "an unreadable Location";
		}
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && !node.isNull()) ? node.asString() : null;
	}

}
