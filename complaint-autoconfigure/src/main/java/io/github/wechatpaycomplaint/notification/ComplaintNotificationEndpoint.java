package io.github.wechatpaycomplaint.notification;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import io.github.wechatpaycomplaint.crypto.SignedHeaders;
import io.github.wechatpaycomplaint.crypto.internal.UntrustedText;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The HTTP side of the notification endpoint, a handler function for Spring MVC's
 * functional routes: it accepts POST with JSON only, reads at most {@code max-body-size}
 * raw bytes (before any message converter could change them), hands them to
 * {@link ComplaintNotificationHandler} ({@link #handle} for the shared path, where the
 * {@code Wechatpay-Serial} header names the merchant, {@link #handleForMerchant} for a
 * merchant's own path), and answers 204, or a JSON {@code {"code","message"}} error. Each
 * refusal is logged once, at most one INFO or WARN line per reason and minute (the rest
 * at DEBUG), with header values made safe for the log ({@link UntrustedText}).
 *
 * @since 0.1.0
 */
public final class ComplaintNotificationEndpoint {

	/** The path variable of the merchant's entry name in {@code <path>/{merchant}}. */
	public static final String MERCHANT_VARIABLE = "merchant";

	private static final Log logger = LogFactory.getLog(ComplaintNotificationEndpoint.class);

	private final ComplaintNotificationHandler handler;

	private final long maxBodySize;

	private final JsonMapper jsonMapper;

	private final List<ComplaintNotificationObserver> observers;

	private final RejectionLog rejectionLog;

	/**
	 * Creates an endpoint.
	 * @param handler handles accepted deliveries
	 * @param maxBodySize the largest body accepted, in bytes
	 * @param jsonMapper writes the error answers
	 */
	public ComplaintNotificationEndpoint(ComplaintNotificationHandler handler, long maxBodySize,
			JsonMapper jsonMapper) {
		this(handler, maxBodySize, jsonMapper, List.of());
	}

	/**
	 * Creates an endpoint that tells observers how each delivery ended.
	 * @param handler handles accepted deliveries
	 * @param maxBodySize the largest body accepted, in bytes
	 * @param jsonMapper writes the error answers
	 * @param observers told of each outcome, such as metrics
	 */
	public ComplaintNotificationEndpoint(ComplaintNotificationHandler handler, long maxBodySize, JsonMapper jsonMapper,
			List<ComplaintNotificationObserver> observers) {
		this(handler, maxBodySize, jsonMapper, observers, Clock.systemUTC());
	}

	/**
	 * Creates an endpoint that tells observers how each delivery ended.
	 * @param handler handles accepted deliveries
	 * @param maxBodySize the largest body accepted, in bytes
	 * @param jsonMapper writes the error answers
	 * @param observers told of each outcome, such as metrics
	 * @param clock spaces the log lines of refusals
	 */
	public ComplaintNotificationEndpoint(ComplaintNotificationHandler handler, long maxBodySize, JsonMapper jsonMapper,
			List<ComplaintNotificationObserver> observers, Clock clock) {
		this.handler = Objects.requireNonNull(handler, "handler");
		this.maxBodySize = maxBodySize;
		this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
		this.observers = List.copyOf(observers);
		this.rejectionLog = new RejectionLog(logger, clock);
	}

	/**
	 * Handles one request to the shared path, where the {@code Wechatpay-Serial} header
	 * names the merchant.
	 * @param request the request
	 * @return 204 when the notification was handled now or before, else an error answer
	 */
	public ServerResponse handle(ServerRequest request) {
		return handle(request, null);
	}

	/**
	 * Handles one request to the path of one merchant, {@code <path>/{merchant}}: only
	 * that merchant's keys verify it.
	 * @param request the request, with the path variable {@value #MERCHANT_VARIABLE}
	 * @return 204 when the notification was handled now or before, else an error answer
	 * (404 for a name of no merchant)
	 */
	public ServerResponse handleForMerchant(ServerRequest request) {
		return handle(request, request.pathVariable(MERCHANT_VARIABLE));
	}

	private ServerResponse handle(ServerRequest request, @Nullable String merchantName) {
		// Only a configured name is told to observers: a path segment is anyone's text.
		String knownMerchant = null;
		try {
			if (merchantName != null) {
				// A path of no merchant is not there, whatever the method.
				knownMerchant = this.handler.requireMerchant(merchantName).name();
			}
			checkRequest(request);
			byte[] body = readBody(request);
			SignedHeaders headers = SignedHeaders.from(request.headers()::firstHeader);
			ComplaintNotificationHandler.Handled handled = this.handler.handleDelivery(merchantName, headers, body);
			observe(handled.outcome(), null, handled.merchantName());
			return ServerResponse.noContent().build();
		}
		catch (NotificationRejectedException ex) {
			this.rejectionLog.log(ex);
			observe(null, ex.getRejection(), ex.getMerchantName().orElse(knownMerchant));
			return refuse(ex.getRejection());
		}
		catch (RuntimeException ex) {
			logger.error("Complaint notification could not be handled; WeChat Pay will deliver it again", ex);
			observe(null, NotificationRejection.INTERNAL_ERROR, knownMerchant);
			return refuse(NotificationRejection.INTERNAL_ERROR);
		}
	}

	private void observe(ComplaintNotificationHandler.@Nullable Outcome outcome,
			@Nullable NotificationRejection rejection, @Nullable String merchantName) {
		for (ComplaintNotificationObserver observer : this.observers) {
			try {
				if (rejection != null) {
					observer.refused(rejection, merchantName);
				}
				else if (outcome == ComplaintNotificationHandler.Outcome.DUPLICATE) {
					observer.duplicate(Objects.requireNonNull(merchantName));
				}
				else {
					observer.handled(Objects.requireNonNull(merchantName));
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Complaint notification observer " + observer + " failed; the answer is unchanged", ex);
			}
		}
	}

	private void checkRequest(ServerRequest request) {
		if (!HttpMethod.POST.equals(request.method())) {
			throw new NotificationRejectedException(NotificationRejection.METHOD_NOT_ALLOWED,
					UntrustedText.forLog(request.method().name()) + " refused");
		}
		if (!isJson(request)) {
			throw new NotificationRejectedException(NotificationRejection.UNSUPPORTED_MEDIA_TYPE, "Content-Type '"
					+ UntrustedText.forLog(request.headers().firstHeader(HttpHeaders.CONTENT_TYPE)) + "' refused");
		}
		OptionalLong length = request.headers().contentLength();
		if (length.isPresent() && length.getAsLong() > this.maxBodySize) {
			throw tooLarge("Content-Length " + length.getAsLong());
		}
	}

	// A missing or unparsable Content-Type (say, an unknown charset) is refused like any
	// other type.
	private static boolean isJson(ServerRequest request) {
		try {
			Optional<MediaType> contentType = request.headers().contentType();
			return contentType.isPresent() && MediaType.APPLICATION_JSON.isCompatibleWith(contentType.get());
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private byte[] readBody(ServerRequest request) {
		try {
			InputStream in = request.servletRequest().getInputStream();
			byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBodySize + 1));
			if (body.length > this.maxBodySize) {
				throw tooLarge("A body of more than " + this.maxBodySize + " bytes");
			}
			return body;
		}
		catch (IOException ex) {
			throw new NotificationRejectedException(NotificationRejection.MALFORMED_NOTIFICATION,
					"The body could not be read: " + ex.getClass().getSimpleName());
		}
	}

	private NotificationRejectedException tooLarge(String what) {
		return new NotificationRejectedException(NotificationRejection.PAYLOAD_TOO_LARGE,
				what + " exceeds the limit of " + this.maxBodySize + " bytes");
	}

	private ServerResponse refuse(NotificationRejection rejection) {
		Map<String, String> answer = new LinkedHashMap<>();
		answer.put("code", rejection.getCode());
		answer.put("message", rejection.getMessage());
		ServerResponse.BodyBuilder builder = ServerResponse.status(rejection.getStatus())
			.contentType(MediaType.APPLICATION_JSON);
		if (rejection == NotificationRejection.METHOD_NOT_ALLOWED) {
			builder.allow(HttpMethod.POST);
		}
		return builder.body(this.jsonMapper.writeValueAsBytes(answer));
	}

}
