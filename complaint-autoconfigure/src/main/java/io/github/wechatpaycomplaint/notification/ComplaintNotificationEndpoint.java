package io.github.wechatpaycomplaint.notification;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The notification endpoint on Spring MVC, a handler function for functional routes: it
 * reads at most {@code max-body-size} raw bytes from the servlet request (before any
 * message converter could change them) and answers what
 * {@link NotificationRequestProcessor} decides ({@link #handle} for the shared path,
 * where the {@code Wechatpay-Serial} header names the merchant,
 * {@link #handleForMerchant} for a merchant's own path): 204, or a JSON
 * {@code {"code","message"}} error. The WebFlux endpoint
 * ({@code notification.reactive.ReactiveComplaintNotificationEndpoint}) shares the
 * processor and answers the same.
 *
 * @since 0.1.0
 */
public final class ComplaintNotificationEndpoint {

	/** The path variable of the merchant's entry name in {@code <path>/{merchant}}. */
	public static final String MERCHANT_VARIABLE = "merchant";

	private final NotificationRequestProcessor processor;

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
		this(new NotificationRequestProcessor(handler, maxBodySize, jsonMapper, observers, clock));
	}

	/**
	 * Creates an endpoint that answers what a processor decides.
	 * @param processor decides every answer
	 */
	public ComplaintNotificationEndpoint(NotificationRequestProcessor processor) {
		this.processor = Objects.requireNonNull(processor, "processor");
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
		NotificationRequestLine line = NotificationRequestLine.of(request.method(), merchantName,
				request.headers()::firstHeader, request.headers().contentLength());
		NotificationAnswer answer;
		try {
			answer = this.processor.precheck(line);
			if (answer == null) {
				answer = readAndProcess(request, line);
			}
		}
		catch (RuntimeException ex) {
			answer = this.processor.failed(line, ex);
		}
		return respond(answer);
	}

	private NotificationAnswer readAndProcess(ServerRequest request, NotificationRequestLine line) {
		long maxBodySize = this.processor.maxBodySize();
		byte[] body;
		try {
			InputStream in = request.servletRequest().getInputStream();
			body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodySize + 1));
		}
		catch (IOException ex) {
			return this.processor.unreadable(line, ex);
		}
		return (body.length > maxBodySize) ? this.processor.tooLarge(line) : this.processor.process(line, body);
	}

	private static ServerResponse respond(NotificationAnswer answer) {
		byte[] json = answer.jsonBody();
		if (json == null) {
			return ServerResponse.status(answer.status()).build();
		}
		ServerResponse.BodyBuilder builder = ServerResponse.status(answer.status())
			.contentType(MediaType.APPLICATION_JSON);
		if (answer.allowPostHeader()) {
			builder.allow(HttpMethod.POST);
		}
		return builder.body(json);
	}

}
