package io.github.wechatpaycomplaint.notification.reactive;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;

import io.github.wechatpaycomplaint.notification.ComplaintNotificationEndpoint;
import io.github.wechatpaycomplaint.notification.NotificationAnswer;
import io.github.wechatpaycomplaint.notification.NotificationRequestLine;
import io.github.wechatpaycomplaint.notification.NotificationRequestProcessor;
import io.github.wechatpaycomplaint.notification.NotificationRequestProcessor.PreparedDelivery;
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
 * the same paths and answers as {@link ComplaintNotificationEndpoint}: it copies at most
 * {@code max-body-size} raw bytes as they stream in (a larger body is answered 413 as
 * soon as it passes the limit, never buffered whole; each incoming buffer is released as
 * soon as it is copied), gives up on a body not read within its read timeout (400), then
 * hands the bytes to {@link NotificationRequestProcessor}: for a merchant already set up,
 * the signature is verified and the resource decrypted on the event loop (CPU work
 * alone), and the rest runs on a scheduler whose threads may block: the merchant's
 * set-up, the de-duplication store and the listeners never run on an event-loop thread.
 * When that scheduler's threads are all busy and its queue is full, the delivery is
 * answered 503 {@code ENDPOINT_BUSY} at once and WeChat Pay delivers it again.
 *
 * <p>
 * An endpoint created with sizes owns its scheduler, a
 * {@link Schedulers#newBoundedElastic bounded elastic} one of its own, and disposes it on
 * {@link #close()}; a scheduler given to it stays the caller's to dispose.
 *
 * @since 0.1.0
 */
public final class ReactiveComplaintNotificationEndpoint implements AutoCloseable {

	/** Default number of threads of the endpoint's own scheduler. */
	public static final int DEFAULT_THREADS = 20;

	/** Default number of deliveries that may wait per thread of its own scheduler. */
	public static final int DEFAULT_QUEUED_TASKS_PER_THREAD = 50;

	/** Default longest time to read a body. */
	public static final Duration DEFAULT_BODY_READ_TIMEOUT = Duration.ofSeconds(10);

	/** Name prefix of the threads of the endpoint's own scheduler. */
	public static final String THREAD_NAME_PREFIX = "wechatpay-complaint-notification";

	private final NotificationRequestProcessor processor;

	private final Scheduler scheduler;

	private final boolean ownsScheduler;

	private final Duration bodyReadTimeout;

	/**
	 * Creates an endpoint with a scheduler of its own of the default sizes and the
	 * default body read timeout.
	 * @param processor decides every answer
	 */
	public ReactiveComplaintNotificationEndpoint(NotificationRequestProcessor processor) {
		this(processor, DEFAULT_THREADS, DEFAULT_QUEUED_TASKS_PER_THREAD, DEFAULT_BODY_READ_TIMEOUT);
	}

	/**
	 * Creates an endpoint with a scheduler of its own, disposed on {@link #close()}.
	 * @param processor decides every answer
	 * @param threads the most threads that verify and run the listeners at once
	 * @param queuedTasksPerThread the most deliveries waiting per thread; past them a
	 * delivery is answered 503
	 * @param bodyReadTimeout the longest time to read a body
	 */
	public ReactiveComplaintNotificationEndpoint(NotificationRequestProcessor processor, int threads,
			int queuedTasksPerThread, Duration bodyReadTimeout) {
		this(processor, Schedulers.newBoundedElastic(threads, queuedTasksPerThread, THREAD_NAME_PREFIX), true,
				bodyReadTimeout);
	}

	/**
	 * Creates an endpoint on a scheduler of the caller, with the default body read
	 * timeout.
	 * @param processor decides every answer
	 * @param scheduler runs the verification, de-duplication and listeners; its threads
	 * must be allowed to block; not disposed by the endpoint
	 */
	public ReactiveComplaintNotificationEndpoint(NotificationRequestProcessor processor, Scheduler scheduler) {
		this(processor, scheduler, DEFAULT_BODY_READ_TIMEOUT);
	}

	/**
	 * Creates an endpoint on a scheduler of the caller.
	 * @param processor decides every answer
	 * @param scheduler runs the verification, de-duplication and listeners; its threads
	 * must be allowed to block; not disposed by the endpoint
	 * @param bodyReadTimeout the longest time to read a body
	 */
	public ReactiveComplaintNotificationEndpoint(NotificationRequestProcessor processor, Scheduler scheduler,
			Duration bodyReadTimeout) {
		this(processor, Objects.requireNonNull(scheduler, "scheduler"), false, bodyReadTimeout);
	}

	private ReactiveComplaintNotificationEndpoint(NotificationRequestProcessor processor, Scheduler scheduler,
			boolean ownsScheduler, Duration bodyReadTimeout) {
		this.processor = Objects.requireNonNull(processor, "processor");
		this.scheduler = scheduler;
		this.ownsScheduler = ownsScheduler;
		this.bodyReadTimeout = Objects.requireNonNull(bodyReadTimeout, "bodyReadTimeout");
		if (bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()) {
			throw new IllegalArgumentException("bodyReadTimeout must be positive, not " + bodyReadTimeout);
		}
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
		// The answer to a failure is decided when it happens: every answer but the
		// pipeline's own never blocks.
		return readBody(request, line).flatMap((body) -> deliver(line, body))
			.onErrorResume((ex) -> respond(answer(line, ex)));
	}

	// Verification and decryption of a merchant already set up are CPU work and stay on
	// the event loop, whose few threads keep their caches warm; the de-duplication store,
	// the listeners and a merchant's first set-up go to the scheduler.
	private Mono<ServerResponse> deliver(NotificationRequestLine line, byte[] body) {
		PreparedDelivery prepared = this.processor.prepare(line, body);
		NotificationAnswer answer = prepared.answer();
		if (answer != null) {
			return respond(answer);
		}
		return Mono.fromSupplier(prepared::complete)
			.subscribeOn(this.scheduler)
			.flatMap(ReactiveComplaintNotificationEndpoint::respond);
	}

	/**
	 * Disposes the endpoint's own scheduler, if it has one: deliveries still arriving are
	 * answered 503.
	 */
	@Override
	public void close() {
		if (this.ownsScheduler) {
			this.scheduler.dispose();
		}
	}

	// Each buffer is copied and released as it arrives; the limit holds as it grows.
	private Mono<byte[]> readBody(ServerRequest request, NotificationRequestLine line) {
		int limit = (int) Math.min(Integer.MAX_VALUE - 8, this.processor.maxBodySize());
		long declaredLength = line.contentLength().orElse(-1);
		Mono<byte[]> read = request.body(BodyExtractors.toDataBuffers())
			.collect(() -> new BoundedBody(limit, declaredLength), BoundedBody::append)
			.map(BoundedBody::toByteArray)
			.doOnDiscard(DataBuffer.class, DataBufferUtils::release);
		return BodyReadDeadline.of(read, request, this.bodyReadTimeout)
			.onErrorMap((ex) -> !(ex instanceof DataBufferLimitException), UnreadableBodyException::new);
	}

	private NotificationAnswer answer(NotificationRequestLine line, Throwable failure) {
		if (failure instanceof DataBufferLimitException) {
			return this.processor.tooLarge(line);
		}
		if (failure instanceof RejectedExecutionException) {
			return this.processor.busy(line);
		}
		if (failure instanceof UnreadableBodyException unreadable) {
			return this.processor.unreadable(line, Objects.requireNonNull(unreadable.getCause()));
		}
		return this.processor.failed(line, failure);
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

	/**
	 * The body could not be read: the connection failed while it streamed in, or it was
	 * not read within the read timeout.
	 */
	private static final class UnreadableBodyException extends RuntimeException {

		UnreadableBodyException(Throwable cause) {
			super(cause.getClass().getSimpleName(), cause, false, false);
		}

	}

}
