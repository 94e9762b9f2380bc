package io.github.wechatpaycomplaint.api;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.github.wechatpaycomplaint.model.MchLanguage;
import io.github.wechatpaycomplaint.model.request.ComplaintListQuery;
import io.github.wechatpaycomplaint.model.request.InvalidComplaintRequestException;
import io.github.wechatpaycomplaint.model.request.NegotiationHistoryQuery;
import io.github.wechatpaycomplaint.model.request.RequestChecks;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriBuilder;

/**
 * The URIs of the complaint API for one flavour: mainland ({@code /v3/merchant-service/complaints-v2}) or Hong Kong
 * ({@code /v3/global/merchant-service/complaints}). Ids and query values go in as URI variables, so they are always
 * encoded.
 */
final class ComplaintApiPaths {

	static final String HONG_KONG = "the Hong Kong endpoint (wechatpay.complaint.client.endpoint=HONG_KONG)";

	private final boolean global;

	private final String servicePath;

	private final String complaintsPath;

	ComplaintApiPaths(boolean global) {
		this.global = global;
		this.servicePath = global ? "/v3/global/merchant-service" : "/v3/merchant-service";
		this.complaintsPath = this.servicePath + (global ? "/complaints" : "/complaints-v2");
	}

	boolean isGlobal() {
		return this.global;
	}

	/**
	 * Fails when an operation is not offered in Hong Kong.
	 * @param operation the operation
	 */
	void requireMainland(String operation) {
		if (this.global) {
			throw new UnsupportedComplaintOperationException(operation, HONG_KONG);
		}
	}

	Function<UriBuilder, URI> complaints(ComplaintListQuery query) {
		checkLanguage(query.mchLanguage());
		return (builder) -> {
			Map<String, Object> variables = new HashMap<>();
			builder.path(this.complaintsPath)
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
		};
	}

	Function<UriBuilder, URI> complaint(String complaintId, @Nullable MchLanguage language) {
		String id = RequestChecks.complaintId(complaintId);
		checkLanguage(language);
		return (builder) -> {
			Map<String, Object> variables = new HashMap<>(Map.of("complaintId", id));
			builder.path(this.complaintsPath + "/{complaintId}");
			language(builder, variables, language);
			return builder.build(variables);
		};
	}

	Function<UriBuilder, URI> negotiationHistory(String complaintId, NegotiationHistoryQuery query) {
		String id = RequestChecks.complaintId(complaintId);
		checkLanguage(query.mchLanguage());
		return (builder) -> {
			Map<String, Object> variables = new HashMap<>(Map.of("complaintId", id));
			builder.path(this.complaintsPath + "/{complaintId}/negotiation-historys")
				.queryParam("limit", query.limit())
				.queryParam("offset", query.offset());
			language(builder, variables, query.mchLanguage());
			return builder.build(variables);
		};
	}

	/**
	 * A call on one complaint, e.g. {@code response}, {@code complete}.
	 * @param complaintId the complaint id
	 * @param action the last path segment
	 * @return the URI function
	 */
	Function<UriBuilder, URI> complaintAction(String complaintId, String action) {
		String id = RequestChecks.complaintId(complaintId);
		return (builder) -> builder.path(this.complaintsPath + "/{complaintId}/" + action).build(id);
	}

	Function<UriBuilder, URI> notificationUrl() {
		return (builder) -> builder.path(this.servicePath + "/complaint-notifications").build();
	}

	Function<UriBuilder, URI> imageUpload() {
		return (builder) -> builder.path(this.servicePath + "/images/upload").build();
	}

	void checkLanguage(@Nullable MchLanguage language) {
		RequestChecks.knownValue(language, "mch_language");
		if (language != null && !this.global) {
			throw new InvalidComplaintRequestException("mch_language", "is only accepted by " + HONG_KONG);
		}
	}

	private static void language(UriBuilder builder, Map<String, Object> variables, @Nullable MchLanguage language) {
		if (language == null) {
			return;
		}
		builder.queryParam("mch_language", "{mchLanguage}");
		variables.put("mchLanguage", language.name());
	}

}
