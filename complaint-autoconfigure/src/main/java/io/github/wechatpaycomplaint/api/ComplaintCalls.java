package io.github.wechatpaycomplaint.api;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.github.wechatpaycomplaint.client.WechatPayEndpoint;
import io.github.wechatpaycomplaint.client.WechatPayOperation;
import io.github.wechatpaycomplaint.model.MchLanguage;
import io.github.wechatpaycomplaint.model.request.ComplaintListQuery;
import io.github.wechatpaycomplaint.model.request.InvalidComplaintRequestException;
import io.github.wechatpaycomplaint.model.request.NegotiationHistoryQuery;
import io.github.wechatpaycomplaint.model.request.RequestChecks;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * Starts each call of the typed client from its {@link WechatPayOperation}: the
 * operation's method, its path template on the configured endpoint with ids and query
 * values filled in as URI variables (so always encoded), and the operation attached as
 * request attribute, from which the interceptors learn what the call is.
 */
final class ComplaintCalls {

	static final String HONG_KONG = "the Hong Kong endpoint (wechatpay.complaint.client.endpoint=HONG_KONG)";

	private final RestClient restClient;

	private final WechatPayEndpoint endpoint;

	ComplaintCalls(RestClient restClient, WechatPayEndpoint endpoint) {
		this.restClient = restClient;
		this.endpoint = endpoint;
	}

	/**
	 * Fails when a field is not accepted in Hong Kong.
	 * @param field the field, e.g. {@code mini_program_jump_info in a reply}
	 */
	void requireMainland(String field) {
		if (this.endpoint.isGlobal()) {
			throw new UnsupportedComplaintOperationException(field, HONG_KONG);
		}
	}

	void checkLanguage(@Nullable MchLanguage language) {
		RequestChecks.knownValue(language, "mch_language");
		if (language != null && !this.endpoint.isGlobal()) {
			throw new InvalidComplaintRequestException("mch_language", "is only accepted by " + HONG_KONG);
		}
	}

	RestClient.RequestBodySpec list(ComplaintListQuery query) {
		String path = path(WechatPayOperation.LIST);
		checkLanguage(query.mchLanguage());
		return start(WechatPayOperation.LIST, (builder) -> {
			Map<String, Object> variables = new HashMap<>();
			builder.path(path)
				.queryParam("limit", query.limit())
				.queryParam("offset", query.offset())
				.queryParam("begin_date", query.beginDate())
				.queryParam("end_date", query.endDate());
			if (query.complaintedMchid() != null) {
				builder.queryParam("complainted_mchid", "{complaintedMchid}");
				variables.put("complaintedMchid", query.complaintedMchid());
			}
			language(builder, variables, query.mchLanguage());
			return builder.build(variables);
		});
	}

	RestClient.RequestBodySpec detail(String complaintId, @Nullable MchLanguage language) {
		String path = path(WechatPayOperation.DETAIL);
		String id = RequestChecks.complaintId(complaintId);
		checkLanguage(language);
		return start(WechatPayOperation.DETAIL, (builder) -> {
			Map<String, Object> variables = new HashMap<>(Map.of("complaint_id", id));
			builder.path(path);
			language(builder, variables, language);
			return builder.build(variables);
		});
	}

	RestClient.RequestBodySpec negotiationHistory(String complaintId, NegotiationHistoryQuery query) {
		String path = path(WechatPayOperation.HISTORY);
		String id = RequestChecks.complaintId(complaintId);
		checkLanguage(query.mchLanguage());
		return start(WechatPayOperation.HISTORY, (builder) -> {
			Map<String, Object> variables = new HashMap<>(Map.of("complaint_id", id));
			builder.path(path).queryParam("limit", query.limit()).queryParam("offset", query.offset());
			language(builder, variables, query.mchLanguage());
			return builder.build(variables);
		});
	}

	/**
	 * A call on one complaint without query: reply, immediate-service reply, complete,
	 * refund approval. One not offered on the endpoint is refused before the complaint id
	 * is looked at.
	 * @param operation the operation
	 * @param complaintId the complaint id
	 * @return the started request
	 */
	RestClient.RequestBodySpec onComplaint(WechatPayOperation operation, String complaintId) {
		String path = path(operation);
		String id = RequestChecks.complaintId(complaintId);
		return start(operation, (builder) -> builder.path(path).build(Map.of("complaint_id", id)));
	}

	/**
	 * A call without variables: the notification URL calls and the image upload.
	 * @param operation the operation
	 * @return the started request
	 */
	RestClient.RequestBodySpec withoutVariables(WechatPayOperation operation) {
		String path = path(operation);
		return start(operation, (builder) -> builder.path(path).build());
	}

	/**
	 * The image download, sent to a URI already checked and built from a
	 * {@code media_url} ({@link MediaUrls}).
	 * @param target the URI
	 * @return the started request
	 */
	RestClient.RequestBodySpec imageDownload(URI target) {
		return this.restClient.method(WechatPayOperation.IMAGE_DOWNLOAD.getMethod())
			.uri(target)
			.attribute(WechatPayOperation.ATTRIBUTE, WechatPayOperation.IMAGE_DOWNLOAD);
	}

	private RestClient.RequestBodySpec start(WechatPayOperation operation, Function<UriBuilder, URI> uri) {
		return this.restClient.method(operation.getMethod())
			.uri(uri)
			.attribute(WechatPayOperation.ATTRIBUTE, operation);
	}

	// Named in the refusal as WeChat Pay's documentation names it, by the last segment of
	// its mainland path (e.g.
	// update-refund-progress).
	private String path(WechatPayOperation operation) {
		String template = operation.getPathTemplate(this.endpoint);
		if (template == null) {
			String mainland = operation.getMainlandPathTemplate();
			throw new UnsupportedComplaintOperationException(mainland.substring(mainland.lastIndexOf('/') + 1),
					HONG_KONG);
		}
		return template;
	}

	private static void language(UriBuilder builder, Map<String, Object> variables, @Nullable MchLanguage language) {
		if (language == null) {
			return;
		}
		builder.queryParam("mch_language", "{mchLanguage}");
		variables.put("mchLanguage", language.name());
	}

}
