package io.github.wechatpaycomplaint.api;

import java.util.Optional;

import io.github.wechatpaycomplaint.client.WechatPayApiException;
import io.github.wechatpaycomplaint.client.WechatPayResponseVerifyingInterceptor;
import io.github.wechatpaycomplaint.model.NotificationUrl;
import io.github.wechatpaycomplaint.model.request.NotificationUrlRequest;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The complaint notification URL, one per merchant: create, query, update and delete.
 */
final class NotificationUrls {

	// WeChat Pay's answer to a query when no URL is registered.
	private static final String NOT_REGISTERED = "RESOURCE_NOT_EXISTS";

	private final RestClient restClient;

	private final ComplaintApiPaths paths;

	NotificationUrls(RestClient restClient, ComplaintApiPaths paths) {
		this.restClient = restClient;
		this.paths = paths;
	}

	NotificationUrl create(NotificationUrlRequest request) {
		return send(this.restClient.post(), request, "complaint-notifications create");
	}

	NotificationUrl update(NotificationUrlRequest request) {
		return send(this.restClient.put(), request, "complaint-notifications update");
	}

	Optional<NotificationUrl> find() {
		try {
			// "None registered" is an answer here, not a failure worth a WARN line.
			return Optional.of(ComplaintQueries.required(this.restClient.get()
				.uri(this.paths.notificationUrl())
				.attribute(WechatPayResponseVerifyingInterceptor.ABSENCE_EXPECTED_ATTRIBUTE, Boolean.TRUE)
				.retrieve()
				.body(NotificationUrl.class), "complaint-notifications query"));
		}
		catch (WechatPayApiException ex) {
			if (NOT_REGISTERED.equals(ex.getCode())) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	void delete() {
		this.restClient.delete().uri(this.paths.notificationUrl()).retrieve().toBodilessEntity();
	}

	private NotificationUrl send(RestClient.RequestBodyUriSpec spec, NotificationUrlRequest request, String operation) {
		return ComplaintQueries.required(spec.uri(this.paths.notificationUrl())
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.retrieve()
			.body(NotificationUrl.class), operation);
	}

}
