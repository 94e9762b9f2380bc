package io.github.wechatpaycomplaint.observability;

import java.util.Objects;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * HTTP statuses for the {@link NotificationInboxEndpoint}: replaying or discarding an
 * entry that is not parked answers 404 rather than 200.
 *
 * @since 0.1.0
 */
@EndpointWebExtension(endpoint = NotificationInboxEndpoint.class)
public final class NotificationInboxWebEndpointExtension {

	private final NotificationInboxEndpoint endpoint;

	/**
	 * Creates the extension.
	 * @param endpoint the endpoint
	 */
	public NotificationInboxWebEndpointExtension(NotificationInboxEndpoint endpoint) {
		this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
	}

	/**
	 * Replays one parked notification.
	 * @param merchant the merchant's entry name
	 * @param notificationId the notification id
	 * @return 200 with the change, or 404 when no such notification is parked
	 */
	@WriteOperation
	public WebEndpointResponse<NotificationInboxEndpoint.EntryChange> replay(@Selector String merchant,
			@Selector String notificationId) {
		return response(this.endpoint.replay(merchant, notificationId));
	}

	/**
	 * Discards one parked notification.
	 * @param merchant the merchant's entry name
	 * @param notificationId the notification id
	 * @return 200 with the change, or 404 when no such notification is parked
	 */
	@DeleteOperation
	public WebEndpointResponse<NotificationInboxEndpoint.EntryChange> discard(@Selector String merchant,
			@Selector String notificationId) {
		return response(this.endpoint.discard(merchant, notificationId));
	}

	private static WebEndpointResponse<NotificationInboxEndpoint.EntryChange> response(
			NotificationInboxEndpoint.EntryChange change) {
		int status = (change.change() == NotificationInboxEndpoint.EntryChange.Change.NOT_PARKED)
				? WebEndpointResponse.STATUS_NOT_FOUND : WebEndpointResponse.STATUS_OK;
		return new WebEndpointResponse<>(change, status);
	}

}
