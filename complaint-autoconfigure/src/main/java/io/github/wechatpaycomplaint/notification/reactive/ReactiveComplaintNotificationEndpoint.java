package io.github.wechatpaycomplaint.notification.reactive;

import java.util.Objects;

import io.github.wechatpaycomplaint.notification.ComplaintNotificationEndpoint;
import io.github.wechatpaycomplaint.notification.NotificationAnswer;
import io.github.wechatpaycomplaint.notification.NotificationRequestLine;
import io.github.wechatpaycomplaint.notification.NotificationRequestProcessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The notification endpoint on WebFlux, a handler function for functional routes, with
 * the same paths and answers as {@link ComplaintNotificationEndpoint}: it collects at
 * most {@code max-body-size} raw bytes as they stream in (a larger body is answered 413
 * as soon as it passes the limit, never buffered whole), then hands them to
 * {@link NotificationRequestProcessor} on a scheduler whose threads may block
 * ({@link Schedulers#boundedElastic()} unless given another): the de-duplication store
 * and the listeners never run on an event-loop thread.
 *
 * @since 0.1.0
 */
public final class ReactiveComplaintNotificationEndpoint {

	private static final byte[] EMPTY = new byte[0];

	private final NotificationRequestProcessor processor;

	private final Scheduler scheduler;

	/**
	 * Creates an endpoint that handles deliveries on {@link Schedulers#boundedElastic()}.
	 * @param processor decides every answer
	 */
	public ReactiveComplaintNotificationEndpoint(NotificationRequestProcessor processor) {
		this(processor, Schedulers.boundedElastic());
	}

	/**
	 * Creates an endpoint.
	 * @param processor decides every answer
	 * @param scheduler runs the verification, de-duplication and listeners; its threads
	 * must be allowed to block
	 */
	public ReactiveComplaintNotificationEndpoint(NotificationRequestProcessor processor, Scheduler scheduler) {
		this.processor = Objects.requireNonNull(processor, "processor");
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
	}

	/**
	 * Handles one request to the shared path, where the {@code Wechatpay-Serial} header
	 * names the merchant.
	 * @param request the request
	 * @return 204 when the notification was handled now or before, else an error answer
	 */
	public Mono<ServerResponse> handle(ServerRequest request) {
		return handle(request, null);
	}

	/**
	 * Handles one request to the path of one merchant, {@code <path>/{merchant}}: only
	 * that merchant's keys verify it.
	 * @param request the request, with the path variable
	 * {@value ComplaintNotificationEndpoint#MERCHANT_VARIABLE}
	 * @return 204 when the notification was handled now or before, else an error answer
	 * (404 for a name of no merchant)
	 */
	public Mono<ServerResponse> handleForMerchant(ServerRequest request) {
		return handle(request, request.pathVariable(ComplaintNotificationEndpoint.MERCHANT_VARIABLE));
	}

	private Mono<ServerResponse> handle(ServerRequest request, @Nullable String merchantName) {
		NotificationRequestLine line = NotificationRequestLine.of(request.method(), merchantName,
				request.headers()::firstHeader, request.headers().contentLength());
		NotificationAnswer refused = this.processor.precheck(line);
		if (refused != null) {
			return respond(refused);
		}
		return readBody(request).publishOn(this.scheduler)
			.map((body) -> this.processor.process(line, body))
			.onErrorResume((ex) -> Mono.fromSupplier(() -> answer(line, ex)))
			.flatMap(ReactiveComplaintNotificationEndpoint::respond);
	}

	// The limit is enforced by join as the buffers arrive; the buffers are released
	// whatever happens.
	private Mono<byte[]> readBody(ServerRequest request) {
		int limit = (int) Math.min(Integer.MAX_VALUE - 8, this.processor.maxBodySize());
		return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), limit)
			.map(ReactiveComplaintNotificationEndpoint::bytes)
			.defaultIfEmpty(EMPTY)
			.onErrorMap((ex) -> !(ex instanceof DataBufferLimitException), UnreadableBodyException::new);
	}

	private NotificationAnswer answer(NotificationRequestLine line, Throwable failure) {
		if (failure instanceof DataBufferLimitException) {
			return this.processor.tooLarge(line);
		}
		if (failure instanceof UnreadableBodyException unreadable) {
			return this.processor.unreadable(line, Objects.requireNonNull(unreadable.getCause()));
		}
		return this.processor.failed(line, failure);
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static Mono<ServerResponse> respond(NotificationAnswer answer) {
		byte[] json = answer.jsonBody();
		if (json == null) {
			return ServerResponse.status(answer.status()).build();
		}
		ServerResponse.BodyBuilder builder = ServerResponse.status(answer.status())
			.contentType(MediaType.APPLICATION_JSON);
		if (answer.allowPostHeader()) {
			builder.allow(HttpMethod.POST);
		}
		return builder.bodyValue(json);
	}

	/** The body could not be read: the connection failed while it streamed in. */
	private static final class UnreadableBodyException extends RuntimeException {

		UnreadableBodyException(Throwable cause) {
			super(cause.getClass().getSimpleName(), cause, false, false);
		}

	}

}
