package io.github.wechatpaycomplaint.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.wechatpaycomplaint.resilience.RateLimitedApi;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;

/**
 * The WeChat Pay API calls this starter makes, one constant each: the HTTP method, the
 * path template on the mainland and in Hong Kong (or none where WeChat Pay does not offer
 * the call there), whether the call reads or writes, the quota it counts against, and
 * whether WeChat Pay signs its answer. Adding a WeChat Pay endpoint means adding a
 * constant here.
 *
 * <p>
 * The typed client attaches the operation to each request as the attribute
 * {@link #ATTRIBUTE}. Metrics, answer verification, retries, failover, rate limits and
 * the classification of writes whose outcome is unknown read it from there; none of them
 * parses a path. A request without it (e.g. one an application sends itself through the
 * {@code @WechatPayComplaintRestClient RestClient}), or whose method is not the
 * operation's, is handled conservatively: its answer must be signed, it takes a permit
 * from the {@link RateLimitedApi#FEEDBACK} quota, it is a read only when its method is
 * {@code GET} or {@code HEAD} (HTTP's safe methods), and metrics tag it {@code OTHER}.
 *
 * @since 0.1.0
 */
public enum WechatPayOperation {

	/** List complaints (one page). */
	LIST(HttpMethod.GET, Access.READ, RateLimitedApi.LIST, Answer.SIGNED, "/v3/merchant-service/complaints-v2",
			"/v3/global/merchant-service/complaints"),

	/** Query one complaint. */
	DETAIL(HttpMethod.GET, Access.READ, RateLimitedApi.FEEDBACK, Answer.SIGNED,
			"/v3/merchant-service/complaints-v2/{complaint_id}",
			"/v3/global/merchant-service/complaints/{complaint_id}"),

	/** List a complaint's negotiation history (one page). */
	HISTORY(HttpMethod.GET, Access.READ, RateLimitedApi.FEEDBACK, Answer.SIGNED,
			"/v3/merchant-service/complaints-v2/{complaint_id}/negotiation-historys",
			"/v3/global/merchant-service/complaints/{complaint_id}/negotiation-historys"),

	/** Reply to the user. */
	REPLY(HttpMethod.POST, Access.WRITE, RateLimitedApi.FEEDBACK, Answer.SIGNED,
			"/v3/merchant-service/complaints-v2/{complaint_id}/response",
			"/v3/global/merchant-service/complaints/{complaint_id}/response"),

	/** Reply to a complaint that needs immediate service (mainland only). */
	IMMEDIATE_REPLY(HttpMethod.POST, Access.WRITE, RateLimitedApi.FEEDBACK, Answer.SIGNED,
			"/v3/merchant-service/complaints-v2/{complaint_id}/response-immediate-service", null),

	/** Report a complaint as handled. */
	COMPLETE(HttpMethod.POST, Access.WRITE, RateLimitedApi.FEEDBACK, Answer.SIGNED,
			"/v3/merchant-service/complaints-v2/{complaint_id}/complete",
			"/v3/global/merchant-service/complaints/{complaint_id}/complete"),

	/** Approve or reject a refund request (mainland only). */
	REFUND_PROGRESS(HttpMethod.POST, Access.WRITE, RateLimitedApi.FEEDBACK, Answer.SIGNED,
			"/v3/merchant-service/complaints-v2/{complaint_id}/update-refund-progress", null),

	/** Register the complaint notification URL. */
	NOTIFICATION_URL_CREATE(HttpMethod.POST, Access.WRITE, RateLimitedApi.FEEDBACK, Answer.SIGNED,
			"/v3/merchant-service/complaint-notifications", "/v3/global/merchant-service/complaint-notifications"),

	/** Query the complaint notification URL. */
	NOTIFICATION_URL_QUERY(HttpMethod.GET, Access.READ, RateLimitedApi.FEEDBACK, Answer.SIGNED,
			"/v3/merchant-service/complaint-notifications", "/v3/global/merchant-service/complaint-notifications"),

	/** Change the complaint notification URL. */
	NOTIFICATION_URL_UPDATE(HttpMethod.PUT, Access.WRITE, RateLimitedApi.FEEDBACK, Answer.SIGNED,
			"/v3/merchant-service/complaint-notifications", "/v3/global/merchant-service/complaint-notifications"),

	/** Remove the complaint notification URL. */
	NOTIFICATION_URL_DELETE(HttpMethod.DELETE, Access.WRITE, RateLimitedApi.FEEDBACK, Answer.SIGNED,
			"/v3/merchant-service/complaint-notifications", "/v3/global/merchant-service/complaint-notifications"),

	/** Upload a feedback image (multipart). */
	IMAGE_UPLOAD(HttpMethod.POST, Access.WRITE, RateLimitedApi.FEEDBACK, Answer.SIGNED,
			"/v3/merchant-service/images/upload", "/v3/global/merchant-service/images/upload"),

	/** Download a complaint image: the one answer WeChat Pay does not sign. */
	IMAGE_DOWNLOAD(HttpMethod.GET, Access.READ, RateLimitedApi.FEEDBACK, Answer.UNSIGNED,
			"/v3/merchant-service/images/{media_id}", "/v3/global/merchant-service/images/{media_id}"),

	/**
	 * Download the platform certificates, outside the complaint quotas; the answer is
	 * signed by a certificate it holds, so the downloader checks it itself.
	 */
	CERTIFICATES(HttpMethod.GET, Access.READ, null, Answer.SIGNED, "/v3/certificates", "/v3/global/certificates");

	/**
	 * Request attribute holding the {@link WechatPayOperation} of a request, set by the
	 * typed client.
	 */
	public static final String ATTRIBUTE = WechatPayOperation.class.getName();

	private final HttpMethod method;

	private final boolean read;

	private final @Nullable RateLimitedApi rateLimitGroup;

	private final boolean answerSigned;

	private final String mainlandPathTemplate;

	private final @Nullable String hongKongPathTemplate;

	WechatPayOperation(HttpMethod method, Access access, @Nullable RateLimitedApi rateLimitGroup, Answer answer,
			String mainlandPathTemplate, @Nullable String hongKongPathTemplate) {
		this.method = method;
		this.read = access == Access.READ;
		this.rateLimitGroup = rateLimitGroup;
		this.answerSigned = answer == Answer.SIGNED;
		this.mainlandPathTemplate = mainlandPathTemplate;
		this.hongKongPathTemplate = hongKongPathTemplate;
	}

	/**
	 * The HTTP method.
	 * @return e.g. {@code GET}
	 */
	public HttpMethod getMethod() {
		return this.method;
	}

	/**
	 * Whether the call only reads: it changes nothing at WeChat Pay, so it may be sent
	 * again after a failure.
	 * @return {@code true} for a read, {@code false} for a write
	 */
	public boolean isRead() {
		return this.read;
	}

	/**
	 * The quota the call counts against.
	 * @return the quota, or {@code null} for calls outside the complaint quotas (the
	 * certificate download)
	 */
	public @Nullable RateLimitedApi getRateLimitGroup() {
		return this.rateLimitGroup;
	}

	/**
	 * Whether WeChat Pay signs the answer, which must then be verified before use.
	 * @return {@code false} for the image download only
	 */
	public boolean isAnswerSigned() {
		return this.answerSigned;
	}

	/**
	 * The mainland path template.
	 * @return e.g. {@code /v3/merchant-service/complaints-v2/{complaint_id}}
	 */
	public String getMainlandPathTemplate() {
		return this.mainlandPathTemplate;
	}

	/**
	 * The Hong Kong path template.
	 * @return e.g. {@code /v3/global/merchant-service/complaints/{complaint_id}}, or
	 * {@code null} when WeChat Pay does not offer the call in Hong Kong
	 */
	public @Nullable String getHongKongPathTemplate() {
		return this.hongKongPathTemplate;
	}

	/**
	 * The path template on an endpoint.
	 * @param endpoint the endpoint
	 * @return the template, or {@code null} when WeChat Pay does not offer the call there
	 */
	public @Nullable String getPathTemplate(WechatPayEndpoint endpoint) {
		return endpoint.isGlobal() ? this.hongKongPathTemplate : this.mainlandPathTemplate;
	}

	/**
	 * Matches a raw path as WeChat Pay sent it (e.g. a {@code media_url}'s) against this
	 * operation's templates, mainland or Hong Kong, segment by segment: a literal segment
	 * must be equal, a {@code {variable}} takes one non-empty segment.
	 * @param rawPath the raw (percent-encoded) path
	 * @return the raw segment of each variable, or empty when the path has another shape
	 */
	public Optional<Map<String, String>> matchRawPath(String rawPath) {
		Optional<Map<String, String>> mainland = match(this.mainlandPathTemplate, rawPath);
		return (mainland.isPresent() || this.hongKongPathTemplate == null) ? mainland
				: match(this.hongKongPathTemplate, rawPath);
	}

	private static Optional<Map<String, String>> match(String template, String rawPath) {
		String[] expected = template.split("/", -1);
		String[] actual = rawPath.split("/", -1);
		if (expected.length != actual.length) {
			return Optional.empty();
		}
		Map<String, String> variables = new LinkedHashMap<>();
		for (int i = 0; i < expected.length; i++) {
			if (expected[i].startsWith("{") && expected[i].endsWith("}")) {
				if (actual[i].isEmpty()) {
					return Optional.empty();
				}
				variables.put(expected[i].substring(1, expected[i].length() - 1), actual[i]);
			}
			else if (!expected[i].equals(actual[i])) {
				return Optional.empty();
			}
		}
		return Optional.of(variables);
	}

	/**
	 * The operation the typed client attached to a request.
	 * @param request the request
	 * @return the operation, or empty when the request carries none, or its method or
	 * path is not the operation's
	 */
	public static Optional<WechatPayOperation> of(HttpRequest request) {
		if (request.getAttributes().get(ATTRIBUTE) instanceof WechatPayOperation operation
				&& operation.method.equals(request.getMethod()) && operation.isPathOf(request.getURI().getRawPath())) {
			return Optional.of(operation);
		}
		return Optional.empty();
	}

	// The attribute only vouches for a request to the operation's own path (after any
	// path of the base URI): marking
	// another path, e.g. as the unsigned image download, must not exempt it from
	// anything.
	private boolean isPathOf(@Nullable String rawPath) {
		if (rawPath == null) {
			return false;
		}
		for (String template : new String[] { this.mainlandPathTemplate, this.hongKongPathTemplate }) {
			if (template == null) {
				continue;
			}
			int segments = template.split("/", -1).length - 1;
			int start = rawPath.length();
			for (int i = 0; i < segments && start > 0; i++) {
				start = rawPath.lastIndexOf('/', start - 1);
			}
			if (start >= 0 && match(template, rawPath.substring(start)).isPresent()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a request only reads, and so may be sent again after a failure that may
	 * have reached WeChat Pay.
	 * @param request the request
	 * @return the operation's answer; without one, {@code true} for {@code GET} and
	 * {@code HEAD} only
	 */
	public static boolean isReadRequest(HttpRequest request) {
		return of(request).map(WechatPayOperation::isRead)
			.orElseGet(() -> HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()));
	}

	/**
	 * The quota a request counts against.
	 * @param request the request
	 * @return the operation's quota ({@code null} for none); without an operation
	 * {@link RateLimitedApi#FEEDBACK}, the smaller one
	 */
	public static @Nullable RateLimitedApi rateLimitGroupOf(HttpRequest request) {
		Optional<WechatPayOperation> operation = of(request);
		return operation.isPresent() ? operation.get().rateLimitGroup : RateLimitedApi.FEEDBACK;
	}

	/**
	 * Whether the answer to a request must carry a valid WeChat Pay signature.
	 * @param request the request
	 * @return {@code false} for the image download only; {@code true} without an
	 * operation
	 */
	public static boolean expectsSignedAnswer(HttpRequest request) {
		return of(request).map(WechatPayOperation::isAnswerSigned).orElse(true);
	}

	enum Access {

		READ, WRITE

	}

	enum Answer {

		SIGNED, UNSIGNED

	}

}
