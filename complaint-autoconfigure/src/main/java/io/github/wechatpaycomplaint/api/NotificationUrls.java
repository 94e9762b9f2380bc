package io.github.wechatpaycomplaint.api;

import java.util.Optional;

import io.github.wechatpaycomplaint.client.WechatPayApiException;
import io.github.wechatpaycomplaint.client.WechatPayOperation;
import io.github.wechatpaycomplaint.client.WechatPayResponseVerifyingInterceptor;
import io.github.wechatpaycomplaint.model.NotificationUrl;
import io.github.wechatpaycomplaint.model.request.NotificationUrlRequest;

import org.springframework.http.MediaType;

/**
 * The complaint notification URL, one per merchant: create, query, update and delete.
 */
final class NotificationUrls {

	// WeChat Pay's answer to a query when no URL is registered.
	private static final String NOT_REGISTERED = "RESOURCE_NOT_EXISTS";

	private final ComplaintCalls calls;

	NotificationUrls(ComplaintCalls calls) {
		this.calls = calls;
	}

	NotificationUrl create(NotificationUrlRequest request) {
		return send(WechatPayOperation.NOTIFICATION_URL_CREATE, request, "complaint-notifications create");
	}

	NotificationUrl update(NotificationUrlRequest request) {
		return send(WechatPayOperation.NOTIFICATION_URL_UPDATE, request, "complaint-notifications update");
	}

	Optional<NotificationUrl> find() {
		try {
			// "None registered" is an answer here, not a failure worth a WARN line.
			return Optional
				.of(ComplaintQueries.required(this.calls.withoutVariables(WechatPayOperation.NOTIFICATION_URL_QUERY)
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
		this.calls.withoutVariables(WechatPayOperation.NOTIFICATION_URL_DELETE).retrieve().toBodilessEntity();
	}

	private NotificationUrl send(WechatPayOperation operation, NotificationUrlRequest request, String description) {
		return ComplaintQueries.required(this.calls.withoutVariables(operation)
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.retrieve()
			.body(NotificationUrl.class), description);
	}

}
