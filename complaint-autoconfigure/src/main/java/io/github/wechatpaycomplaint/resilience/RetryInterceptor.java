package io.github.wechatpaycomplaint.resilience;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Retries calls that failed for reasons worth retrying, with back-off and jitter:
 * <ul>
 * <li>reads on connection failures, 5xx answers and rate-limit answers (429), honouring
 * {@code Retry-After};</li>
 * <li>writes (reply, complete, refund approval, upload, notification URL changes) only
 * when the request provably never reached WeChat Pay (DNS failure, refused connection,
 * connect timeout): WeChat Pay may have applied a write whose answer was lost, and must
 * not apply it twice.</li>
 * </ul>
 * Each attempt is signed anew (new timestamp and nonce): this interceptor sits outside
 * the signing one. Which calls only read is told by the client, which knows WeChat Pay's
 * operations; this class knows none.
 *
 * @since 0.1.0
 */
public final class RetryInterceptor implements ClientHttpRequestInterceptor {

	private static final Log logger = LogFactory.getLog(RetryInterceptor.class);

	private final RetryPolicy policy;

	private final Sleeper sleeper;

	private final Predicate<HttpRequest> isRead;

	/**
	 * Creates the interceptor.
	 * @param policy how often and how patiently to retry
	 * @param sleeper waits between attempts
	 * @param isRead whether a request only reads, so that it may be sent again after it
	 * may have reached WeChat Pay
	 */
	public RetryInterceptor(RetryPolicy policy, Sleeper sleeper, Predicate<HttpRequest> isRead) {
		this.policy = Objects.requireNonNull(policy, "policy");
		this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
		this.isRead = Objects.requireNonNull(isRead, "isRead");
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		boolean read = this.isRead.test(request);
		for (int attempt = 1;; attempt++) {
			boolean last = attempt >= this.policy.maxAttempts();
			ClientHttpResponse response;
			try {
				response = execution.execute(request, body);
			}
			catch (IOException ex) {
				if (last || !ConnectionFailures.changedNothing(read, ex)) {
					throw ex;
				}
				pause(request, attempt, this.policy.backoff(attempt), ex.getClass().getSimpleName());
				continue;
			}
			int status = response.getStatusCode().value();
			if (last || !read || !(status == 429 || status >= 500)) {
				return response;
			}
			Duration delay = delay(attempt, response.getHeaders().getFirst("Retry-After"));
			if (delay == null) {
				return response;
			}
			response.close();
			pause(request, attempt, delay, "HTTP " + status);
		}
	}

	private @Nullable Duration delay(int attempt, @Nullable String retryAfter) {
		Duration backoff = this.policy.backoff(attempt);
		Duration asked = parseRetryAfter(retryAfter);
		if (asked == null) {
			return backoff;
		}
		// WeChat Pay asks for more patience than we may spend: hand the answer over
		// instead of waiting.
		return (asked.compareTo(this.policy.maxBackoff()) > 0) ? null : max(asked, backoff);
	}

	static @Nullable Duration parseRetryAfter(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
				return until.isNegative() ? Duration.ZERO : until;
			}
			catch (DateTimeParseException unparsable) {
				return null;
			}
		}
	}

	private void pause(HttpRequest request, int attempt, Duration delay, String reason) throws IOException {
		if (logger.isInfoEnabled()) {
			logger.info("Retrying " + request.getMethod() + " " + request.getURI().getRawPath() + " after " + reason
					+ " (attempt " + (attempt + 1) + " of " + this.policy.maxAttempts() + ", in " + delay.toMillis()
					+ " ms)");
		}
		try {
			this.sleeper.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting to retry");
		}
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/**
	 * Waits between attempts; replaced in tests.
	 */
	@FunctionalInterface
	public interface Sleeper {

		/**
		 * Waits.
		 * @param duration how long
		 * @throws InterruptedException if interrupted
		 */
		void sleep(Duration duration) throws InterruptedException;

		/**
		 * {@link Thread#sleep(long)}.
		 * @return the real sleeper
		 */
		static Sleeper threadSleep() {
			return (duration) -> Thread.sleep(duration.toMillis());
		}

	}

}
