package io.github.wechatpaycomplaint.resilience;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The per-merchant quotas WeChat Pay sets on the complaint API: 200 list calls a minute, and 60 a minute for the
 * other merchant-feedback calls.
 *
 * @since 0.1.0
 */
public enum RateLimitedApi {

	/** {@code GET …/complaints-v2} (Hong Kong {@code …/complaints}): 200 calls a minute. */
	LIST,

	/** Every other {@code …/merchant-service/…} call: 60 calls a minute. */
	FEEDBACK;

	private static final Pattern LIST_PATH = Pattern.compile("^/v3/(global/merchant-service/complaints|merchant-service/complaints-v2)/?$");

	private static final Pattern FEEDBACK_PATH = Pattern.compile("^/v3/(global/)?merchant-service/.*");

	/**
	 * Which quota a call counts against.
	 * @param method the HTTP method
	 * @param rawPath the request path
	 * @return the quota, or {@code null} for calls outside the complaint API (e.g. certificate downloads)
	 */
	public static @Nullable RateLimitedApi of(HttpMethod method, @Nullable String rawPath) {
		if (rawPath == null) {
			return null;
		}
		if (HttpMethod.GET.equals(method) && LIST_PATH.matcher(rawPath).matches()) {
			return LIST;
		}
		return FEEDBACK_PATH.matcher(rawPath).matches() ? FEEDBACK : null;
	}

}
