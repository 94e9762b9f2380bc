package io.github.wechatpaycomplaint.observability;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The WeChat Pay API operation of a request, classified by method and path template so that a metric tag never
 * carries a complaint id, a media id or a query value.
 *
 * @since 0.1.0
 */
public enum ComplaintApiOperation {

	/** {@code GET complaints-v2}: list complaints. */
	LIST,

	/** {@code GET complaints-v2/{complaint_id}}: one complaint. */
	DETAIL,

	/** {@code GET complaints-v2/{complaint_id}/negotiation-historys}. */
	HISTORY,

	/** {@code POST complaints-v2/{complaint_id}/response}. */
	REPLY,

	/** {@code POST complaints-v2/{complaint_id}/response-immediate-service}. */
	IMMEDIATE_REPLY,

	/** {@code POST complaints-v2/{complaint_id}/complete}. */
	COMPLETE,

	/** {@code POST complaints-v2/{complaint_id}/update-refund-progress}. */
	REFUND_PROGRESS,

	/** {@code POST complaint-notifications}. */
	NOTIFICATION_URL_CREATE,

	/** {@code GET complaint-notifications}. */
	NOTIFICATION_URL_QUERY,

	/** {@code PUT complaint-notifications}. */
	NOTIFICATION_URL_UPDATE,

	/** {@code DELETE complaint-notifications}. */
	NOTIFICATION_URL_DELETE,

	/** {@code POST images/upload}. */
	IMAGE_UPLOAD,

	/** {@code GET images/{media_id}}. */
	IMAGE_DOWNLOAD,

	/** {@code GET /v3/certificates}: the platform certificate download. */
	CERTIFICATES,

	/** Anything else. */
	OTHER;

	// Mainland and Hong Kong (global) paths; group 1 is the rest after the complaint id, if any.
	private static final Pattern COMPLAINTS = Pattern
		.compile("^/v3/(?:global/)?merchant-service/complaints(?:-v2)?(?:/[^/]+(/[^/]+)?)?/?$");

	private static final Pattern COMPLAINT = Pattern.compile("^/v3/(?:global/)?merchant-service/complaints(?:-v2)?/[^/]+");

	private static final Pattern NOTIFICATION_URL = Pattern
		.compile("^/v3/(?:global/)?merchant-service/complaint-notifications/?$");

	private static final Pattern IMAGE_UPLOAD_PATH = Pattern.compile("^/v3/(?:global/)?merchant-service/images/upload$");

	private static final Pattern IMAGE_PATH = Pattern.compile("^/v3/(?:global/)?merchant-service/images/[^/]+$");

	private static final Pattern CERTIFICATES_PATH = Pattern.compile("^/v3/(?:global/)?certificates/?$");

	/**
	 * Classifies a request.
	 * @param method the HTTP method
	 * @param rawPath the raw path, without the query
	 * @return the operation, {@link #OTHER} when unknown
	 */
	public static ComplaintApiOperation classify(HttpMethod method, @Nullable String rawPath) {
		if (rawPath == null) {
			return OTHER;
		}
		if (CERTIFICATES_PATH.matcher(rawPath).matches()) {
			return HttpMethod.GET.equals(method) ? CERTIFICATES : OTHER;
		}
		if (NOTIFICATION_URL.matcher(rawPath).matches()) {
			return notificationUrl(method);
		}
		if (IMAGE_UPLOAD_PATH.matcher(rawPath).matches()) {
			return HttpMethod.POST.equals(method) ? IMAGE_UPLOAD : OTHER;
		}
		if (IMAGE_PATH.matcher(rawPath).matches()) {
			return HttpMethod.GET.equals(method) ? IMAGE_DOWNLOAD : OTHER;
		}
		Matcher complaints = COMPLAINTS.matcher(rawPath);
		if (complaints.matches()) {
			return complaints(method, COMPLAINT.matcher(rawPath).lookingAt(), complaints.group(1));
		}
		return OTHER;
	}

	private static ComplaintApiOperation notificationUrl(HttpMethod method) {
		if (HttpMethod.POST.equals(method)) {
			return NOTIFICATION_URL_CREATE;
		}
		if (HttpMethod.GET.equals(method)) {
			return NOTIFICATION_URL_QUERY;
		}
		if (HttpMethod.PUT.equals(method)) {
			return NOTIFICATION_URL_UPDATE;
		}
		return HttpMethod.DELETE.equals(method) ? NOTIFICATION_URL_DELETE : OTHER;
	}

	private static ComplaintApiOperation complaints(HttpMethod method, boolean oneComplaint, @Nullable String action) {
		if (!oneComplaint) {
			return HttpMethod.GET.equals(method) ? LIST : OTHER;
		}
		if (action == null) {
			return HttpMethod.GET.equals(method) ? DETAIL : OTHER;
		}
		switch (action) {
			case "/negotiation-historys":
				return HttpMethod.GET.equals(method) ? HISTORY : OTHER;
			case "/response":
				return HttpMethod.POST.equals(method) ? REPLY : OTHER;
			case "/response-immediate-service":
				return HttpMethod.POST.equals(method) ? IMMEDIATE_REPLY : OTHER;
			case "/complete":
				return HttpMethod.POST.equals(method) ? COMPLETE : OTHER;
			case "/update-refund-progress":
				return HttpMethod.POST.equals(method) ? REFUND_PROGRESS : OTHER;
			default:
				return OTHER;
		}
	}

}
