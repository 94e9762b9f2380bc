package io.github.wechatpaycomplaint.notification;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Supplier;

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

/**
 * The HTTP side of the notification endpoint without the web stack: which requests may
 * send a body, what each delivery is answered, and who is told. A Spring MVC
 * ({@link ComplaintNotificationEndpoint}) or WebFlux adapter asks {@link #precheck}
 * before it reads the body, reads at most {@link #maxBodySize()} raw bytes, and answers
 * what {@link #process}, {@link #tooLarge}, {@link #unreadable}, {@link #busy} or
 * {@link #failed} returns. Each refusal is logged once, at most one INFO or WARN line per
 * reason and minute (the rest at DEBUG), with header values made safe for the log
 * ({@link UntrustedText}), and every outcome is told to the observers.
 *
 * <p>
 * {@link #process} verifies, decrypts, de-duplicates and runs the listeners, and may wait
 * on the de-duplication store: a reactive adapter calls it on a thread that may block.
 * The other methods never block (observers aside, which must not either).
 *
 * @since 0.1.0
 */
public final class NotificationRequestProcessor {

	private static final Log logger = LogFactory.getLog(NotificationRequestProcessor.class);

	private final ComplaintNotificationHandler handler;

	private final long maxBodySize;

	private final JsonMapper jsonMapper;

	private final List<ComplaintNotificationObserver> observers;

	private final RejectionLog rejectionLog;

	/**
	 * Creates a processor.
	 * @param handler handles accepted deliveries
	 * @param maxBodySize the largest body accepted, in bytes
	 * @param jsonMapper writes the error answers
	 * @param observers told of each outcome, such as metrics
	 * @param clock spaces the log lines of refusals
	 */
	public NotificationRequestProcessor(ComplaintNotificationHandler handler, long maxBodySize, JsonMapper jsonMapper,
			List<ComplaintNotificationObserver> observers, Clock clock) {
		this.handler = Objects.requireNonNull(handler, "handler");
		this.maxBodySize = maxBodySize;
		this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
		this.observers = List.copyOf(observers);
		this.rejectionLog = new RejectionLog(logger, clock);
	}

	/**
	 * The largest body accepted: the adapter stops reading past it and answers
	 * {@link #tooLarge}.
	 * @return the limit in bytes
	 */
	public long maxBodySize() {
		return this.maxBodySize;
	}

	/**
	 * Checks what can be checked before the body is read: a path of no merchant (404,
	 * whatever the method), then the method (405), the content type (415) and the
	 * declared length (413). Never blocks: the merchant's name is looked up, the merchant
	 * is not built (on WebFlux this runs on an event-loop thread, for anyone's request).
	 * @param request the request
	 * @return {@code null} when the body may be read, else the answer
	 */
	public @Nullable NotificationAnswer precheck(NotificationRequestLine request) {
		String merchantName = request.merchantName();
		String knownMerchant = null;
		try {
			if (merchantName != null) {
				knownMerchant = this.handler.requireMerchantName(merchantName);
			}
			checkRequest(request);
			return null;
		}
		catch (RuntimeException ex) {
			return refused(ex, knownMerchant);
		}
	}

	/**
	 * Handles a delivery whose body was read whole: verification, decryption,
	 * de-duplication and the listeners. May block.
	 * @param request the request, which passed {@link #precheck}
	 * @param body the raw body bytes, exactly as received
	 * @return 204 when the notification was handled now or before, else an error answer
	 */
	public NotificationAnswer process(NotificationRequestLine request, byte[] body) {
		String merchantName = request.merchantName();
		String knownMerchant = null;
		try {
			if (merchantName != null) {
				// Checked again: merchants can be removed while the body streams in.
				knownMerchant = this.handler.requireMerchant(merchantName).name();
			}
			SignedHeaders headers = SignedHeaders.from(request::header);
			ComplaintNotificationHandler.Handled handled = this.handler.handleDelivery(merchantName, headers, body);
			observe(handled.outcome(), null, handled.merchantName());
			return NotificationAnswer.accepted();
		}
		catch (RuntimeException ex) {
			return refused(ex, knownMerchant);
		}
	}

	/**
	 * Verifies, decrypts and reads a delivery on the calling thread when that is CPU work
	 * alone (its merchant is set up), and returns the rest, which may block: the
	 * de-duplication or inbox, the listeners and the answer. A refusal found on the way
	 * is the answer at once; a delivery whose merchant is not set up is left whole to the
	 * rest. Lets a WebFlux endpoint verify on the event loop, which keeps its caches
	 * warm, and hand only blocking work to other threads.
	 * @param request the request line and headers
	 * @param body the raw body bytes, exactly as received
	 * @return the answer, or what is left to run where blocking is allowed
	 * @since 0.1.0
	 */
	public PreparedDelivery prepare(NotificationRequestLine request, byte[] body) {
		String merchantName = request.merchantName();
		SignedHeaders headers = SignedHeaders.from(request::header);
		if (!this.handler.canVerifyWithoutBlocking(merchantName, headers)) {
			return new PreparedDelivery(null, () -> process(request, body));
		}
		ComplaintNotificationHandler.Verified verified;
		try {
			verified = this.handler.verifyDelivery(merchantName, headers, body);
		}
		catch (RuntimeException ex) {
			return new PreparedDelivery(refused(ex, (merchantName != null) ? knownMerchant(request) : null), null);
		}
		return new PreparedDelivery(null, () -> deliver(verified));
	}

	private NotificationAnswer deliver(ComplaintNotificationHandler.Verified verified) {
		try {
			ComplaintNotificationHandler.Handled handled = this.handler.deliver(verified);
			observe(handled.outcome(), null, handled.merchantName());
			return NotificationAnswer.accepted();
		}
		catch (RuntimeException ex) {
			return refused(ex, verified.merchantName());
		}
	}

	/**
	 * The answer to a body that grew past {@link #maxBodySize()} while it was read.
	 * @param request the request
	 * @return 413
	 */
	public NotificationAnswer tooLarge(NotificationRequestLine request) {
		return refused(tooLarge("A body of more than " + this.maxBodySize + " bytes"), knownMerchant(request));
	}

	/**
	 * The answer to a body that could not be read (the connection failed, say).
	 * @param request the request
	 * @param failure what failed
	 * @return 400
	 */
	public NotificationAnswer unreadable(NotificationRequestLine request, Throwable failure) {
		return refused(new NotificationRejectedException(NotificationRejection.MALFORMED_NOTIFICATION,
				"The body could not be read: " + failure.getClass().getSimpleName()), knownMerchant(request));
	}

	/**
	 * The answer when the adapter has no thread left to {@link #process} a delivery on
	 * (its queue is full); logged like any refusal, without a stack trace.
	 * @param request the request
	 * @return 503
	 */
	public NotificationAnswer busy(NotificationRequestLine request) {
		return refused(new NotificationRejectedException(NotificationRejection.ENDPOINT_BUSY,
				"Every notification thread is busy and their queue is full"), knownMerchant(request));
	}

	/**
	 * The answer to an unexpected failure of the adapter; logged with its stack trace.
	 * @param request the request
	 * @param failure what failed
	 * @return 500
	 */
	public NotificationAnswer failed(NotificationRequestLine request, Throwable failure) {
		return internalError(failure, knownMerchant(request));
	}

	private NotificationAnswer refused(RuntimeException ex, @Nullable String knownMerchant) {
		if (ex instanceof NotificationRejectedException rejected) {
			this.rejectionLog.log(rejected);
			return refuse(rejected.getRejection(), rejected.getMerchantName().orElse(knownMerchant));
		}
		return internalError(ex, knownMerchant);
	}

	private NotificationAnswer internalError(Throwable failure, @Nullable String knownMerchant) {
		logger.error("Complaint notification could not be handled; WeChat Pay will deliver it again", failure);
		return refuse(NotificationRejection.INTERNAL_ERROR, knownMerchant);
	}

	// Only a configured name is told to observers: a path segment is anyone's text.
	private @Nullable String knownMerchant(NotificationRequestLine request) {
		String merchantName = request.merchantName();
		if (merchantName == null) {
			return null;
		}
		try {
			return this.handler.requireMerchantName(merchantName);
		}
		catch (NotificationRejectedException ex) {
			return null;
		}
	}

	private void checkRequest(NotificationRequestLine request) {
		if (!HttpMethod.POST.equals(request.method())) {
			throw new NotificationRejectedException(NotificationRejection.METHOD_NOT_ALLOWED,
					UntrustedText.forLog(request.method().name()) + " refused");
		}
		String contentType = request.header(HttpHeaders.CONTENT_TYPE);
		if (!isJson(contentType)) {
			throw new NotificationRejectedException(NotificationRejection.UNSUPPORTED_MEDIA_TYPE,
					"Content-Type '" + UntrustedText.forLog(contentType) + "' refused");
		}
		OptionalLong length = request.contentLength();
		if (length.isPresent() && length.getAsLong() > this.maxBodySize) {
			throw tooLarge("Content-Length " + length.getAsLong());
		}
	}

	// A missing or unparsable Content-Type (say, an unknown charset) is refused like any
	// other type.
	private static boolean isJson(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return false;
		}
		try {
			return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private NotificationRejectedException tooLarge(String what) {
		return new NotificationRejectedException(NotificationRejection.PAYLOAD_TOO_LARGE,
				what + " exceeds the limit of " + this.maxBodySize + " bytes");
	}

	private NotificationAnswer refuse(NotificationRejection rejection, @Nullable String merchantName) {
		observe(null, rejection, merchantName);
		Map<String, String> answer = new LinkedHashMap<>();
		answer.put("code", rejection.getCode());
		answer.put("message", rejection.getMessage());
		return new NotificationAnswer(rejection.getStatus(), this.jsonMapper.writeValueAsBytes(answer),
				rejection == NotificationRejection.METHOD_NOT_ALLOWED);
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

	/**
	 * What {@link #prepare} decided: the answer, or the rest of the delivery.
	 *
	 * @since 0.1.0
	 */
	public static final class PreparedDelivery {

		private final @Nullable NotificationAnswer answer;

		private final @Nullable Supplier<NotificationAnswer> rest;

		PreparedDelivery(@Nullable NotificationAnswer answer, @Nullable Supplier<NotificationAnswer> rest) {
			this.answer = answer;
			this.rest = rest;
		}

		/**
		 * The answer, when nothing is left to run.
		 * @return the answer, or {@code null} when {@link #complete()} must run
		 */
		public @Nullable NotificationAnswer answer() {
			return this.answer;
		}

		/**
		 * Runs the rest of the delivery, which may block.
		 * @return the answer
		 */
		public NotificationAnswer complete() {
			NotificationAnswer decided = this.answer;
			return (decided != null) ? decided : Objects.requireNonNull(this.rest).get();
		}

	}

}
