package io.github.wechatpaycomplaint.observability;

import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.wechatpaycomplaint.client.WechatPayApiException;
import io.github.wechatpaycomplaint.client.WechatPayOperation;
import io.github.wechatpaycomplaint.client.WechatPayRestClientFactory;
import io.github.wechatpaycomplaint.client.WechatPayWriteOutcomeUnknownException;
import io.github.wechatpaycomplaint.crypto.SignatureVerificationException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Times every WeChat Pay call as {@value #METRIC_NAME}, tagged with low-cardinality
 * values only: the {@link WechatPayOperation} the typed client attached to the request
 * ({@code OTHER} for a request without one), the outcome, the status class, WeChat Pay's
 * error code from a fixed set and, unless switched off, the {@code merchant}: the entry
 * name of the merchant whose client called ({@code default} for the single-merchant
 * keys).
 *
 * <p>
 * It is added as the outermost interceptor, so it sees one call as the caller does: after
 * retries and failover, with the answer verified.
 *
 * @since 0.1.0
 */
public final class ComplaintApiMetricsInterceptor implements ClientHttpRequestInterceptor {

	/** Name of the timer. */
	public static final String METRIC_NAME = "wechatpay.complaint.client.requests";

	/**
	 * WeChat Pay's public error codes that are kept as tag values; any other code is
	 * {@code OTHER}.
	 */
	static final Set<String> KNOWN_CODES = Set.of("PARAM_ERROR", "INVALID_REQUEST", "SIGN_ERROR", "SYSTEM_ERROR",
			"NO_AUTH", "FREQUENCY_LIMITED", "RATELIMIT_EXCEEDED", "RESOURCE_NOT_EXISTS", "SERVICE_UNAVAILABLE",
			"NOT_FOUND");

	/**
	 * The {@code operation} tag of a request that carries no {@link WechatPayOperation}.
	 */
	static final String OTHER_OPERATION = "OTHER";

	/**
	 * The {@code merchant} tag of a request from a client that names no merchant: the
	 * client of the single-merchant keys.
	 */
	static final String DEFAULT_MERCHANT = "default";

	private final MeterRegistry registry;

	private final boolean merchantTag;

	/**
	 * Creates an interceptor without the {@code merchant} tag.
	 * @param registry where the timer is recorded
	 */
	public ComplaintApiMetricsInterceptor(MeterRegistry registry) {
		this(registry, false);
	}

	/**
	 * Creates an interceptor.
	 * @param registry where the timer is recorded
	 * @param merchantTag whether to tag each call with the entry name of its merchant
	 * ({@code merchant}); off for platforms with thousands of merchants
	 */
	public ComplaintApiMetricsInterceptor(MeterRegistry registry, boolean merchantTag) {
		this.registry = Objects.requireNonNull(registry, "registry");
		this.merchantTag = merchantTag;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String operation = WechatPayOperation.of(request).map(WechatPayOperation::name).orElse(OTHER_OPERATION);
		Tags merchant = merchantTag(request);
		long start = System.nanoTime();
		try {
			ClientHttpResponse response = execution.execute(request, body);
			int status = response.getStatusCode().value();
			record(merchant, operation, outcome(status), statusClass(status), "NONE", start);
			return response;
		}
		catch (WechatPayApiException ex) {
			int status = ex.getStatusCode();
			record(merchant, operation, outcome(status), statusClass(status), code(ex.getCode()), start);
			throw ex;
		}
		catch (SignatureVerificationException ex) {
			record(merchant, operation, "INVALID_SIGNATURE", "NONE", "NONE", start);
			throw ex;
		}
		catch (IOException | WechatPayWriteOutcomeUnknownException ex) {
			// A write lost after sending is an I/O failure too, only classified for the
			// caller.
			record(merchant, operation, "IO_ERROR", "NONE", "NONE", start);
			throw ex;
		}
		catch (RuntimeException ex) {
			record(merchant, operation, "UNKNOWN", "NONE", "NONE", start);
			throw ex;
		}
	}

	// Entry names are bounded (1 to 32 of [a-z0-9-]) and configured, never taken from a
	// request.
	private Tags merchantTag(HttpRequest request) {
		if (!this.merchantTag) {
			return Tags.empty();
		}
		return Tags.of("merchant",
				(request.getAttributes().get(WechatPayRestClientFactory.MERCHANT_ATTRIBUTE) instanceof String name)
						? name : DEFAULT_MERCHANT);
	}

	private void record(Tags merchant, String operation, String outcome, String status, String code, long start) {
		Timer.builder(METRIC_NAME)
			.description("Calls to the WeChat Pay API")
			.tags(Tags.of("operation", operation, "outcome", outcome, "status", status, "code", code).and(merchant))
			.register(this.registry)
			.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
	}

	private static String outcome(int status) {
		if (status >= 500) {
			return "SERVER_ERROR";
		}
		if (status >= 400) {
			return "CLIENT_ERROR";
		}
		return (status >= 200 && status < 300) ? "SUCCESS" : "UNKNOWN";
	}

	private static String statusClass(int status) {
		return (status >= 100 && status < 600) ? (status / 100) + "xx" : "NONE";
	}

	static String code(@Nullable String code) {
		if (code == null || code.isEmpty()) {
			return "NONE";
		}
		return KNOWN_CODES.contains(code) ? code : "OTHER";
	}

}
