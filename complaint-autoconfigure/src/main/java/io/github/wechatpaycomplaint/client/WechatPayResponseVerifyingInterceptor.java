package io.github.wechatpaycomplaint.client;

import java.io.IOException;
import java.util.Objects;

import io.github.wechatpaycomplaint.crypto.SignatureVerificationException;
import io.github.wechatpaycomplaint.crypto.SignedHeaders;
import io.github.wechatpaycomplaint.crypto.internal.UntrustedText;
import io.github.wechatpaycomplaint.crypto.internal.WechatPaySignatureValidator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Verifies WeChat Pay's signature on every answer before its body reaches the caller, and
 * turns error answers into {@link WechatPayApiException}.
 *
 * <ul>
 * <li>2xx (and any other non-error) answers must be signed; a missing header, unknown
 * serial, bad signature, signature probe or stale timestamp raises
 * {@link SignatureVerificationException} and the body is dropped. For a write (any method
 * but GET and HEAD) that exception is the cause of a
 * {@link WechatPayWriteOutcomeUnknownException}: a success answer arrived, so WeChat Pay
 * may have applied the write.</li>
 * <li>Signed error answers are verified the same way, then raised as a verified
 * {@link WechatPayApiException}.</li>
 * <li>Unsigned error answers are raised as an unverified
 * {@link WechatPayApiException}.</li>
 * <li>The only exemption is a request the typed client marked as the complaint image
 * download ({@link WechatPayOperation#IMAGE_DOWNLOAD}, after checking its
 * {@code media_url}), whose bytes WeChat Pay does not sign; the path is never looked at,
 * so no path, however shaped, escapes verification. No property can switch verification
 * off.</li>
 * <li>A redirect (3xx), which no WeChat Pay API answers, is raised as an unverified
 * {@link WechatPayApiException} naming the {@code Location} host; it is never
 * followed.</li>
 * <li>Bodies are read up to a cap ({@link WechatPayAnswerTooLargeException}).</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class WechatPayResponseVerifyingInterceptor implements ClientHttpRequestInterceptor {

	/** Header WeChat Pay support needs to trace a call. */
	public static final String REQUEST_ID = "Request-ID";

	/**
	 * Request attribute: {@code Boolean.TRUE} when the caller takes
	 * {@code RESOURCE_NOT_EXISTS} as an answer ("nothing there yet") rather than a
	 * failure. Such an answer is still raised, but logged at DEBUG, not WARN.
	 */
	public static final String ABSENCE_EXPECTED_ATTRIBUTE = WechatPayResponseVerifyingInterceptor.class.getName()
			+ ".absenceExpected";

	private static final String RESOURCE_NOT_EXISTS = "RESOURCE_NOT_EXISTS";

	private static final Log logger = LogFactory.getLog(WechatPayResponseVerifyingInterceptor.class);

	private final WechatPaySignatureValidator validator;

	private final JsonMapper jsonMapper;

	// Built by WechatPayRestClientFactory only: the validator is not API.
	WechatPayResponseVerifyingInterceptor(WechatPaySignatureValidator validator, JsonMapper jsonMapper) {
		this.validator = Objects.requireNonNull(validator, "validator");
		this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		ClientHttpResponse response = execution.execute(request, body);
		HttpStatusCode status = response.getStatusCode();
		if (status.is3xxRedirection()) {
			response.close();
			throw logged(request, WechatPayErrorAnswers.redirect(status, response.getHeaders()));
		}
		boolean error = status.isError();
		if (!WechatPayOperation.expectsSignedAnswer(request) && !error) {
			return new BufferedClientHttpResponse(response, BoundedAnswers.readAndClose(response,
					WechatPayAnswerTooLargeException.MAX_IMAGE_BYTES, BoundedAnswers.operation(request)));
		}
		String statusText = response.getStatusText();
		byte[] bytes;
		try {
			bytes = BoundedAnswers.readAndClose(response, WechatPayAnswerTooLargeException.MAX_JSON_ANSWER_BYTES,
					BoundedAnswers.operation(request));
		}
		catch (WechatPayAnswerTooLargeException ex) {
			// As with an unverifiable answer: a success answer to a write arrived, so the
			// write may have been applied.
			if (status.is2xxSuccessful() && !WechatPayOperation.isReadRequest(request)) {
				throw WechatPayWriteOutcomeUnknownException.unreadAnswer(BoundedAnswers.operation(request), ex);
			}
			throw ex;
		}
		String requestId = response.getHeaders().getFirst(REQUEST_ID);
		SignedHeaders signedHeaders = SignedHeaders.from(response.getHeaders()::getFirst);
		if (error && !signedHeaders.anyPresent()) {
			throw logged(request, apiException(status, statusText, bytes, requestId, false));
		}
		try {
			this.validator.validate(signedHeaders, bytes);
		}
		catch (SignatureVerificationException ex) {
			logger.warn("WeChat Pay answer refused: " + request.getMethod() + " " + request.getURI().getRawPath()
					+ " -> " + status.value() + ", signature " + ex.getReason() + " (Request-ID: "
					+ ((requestId != null) ? UntrustedText.forLog(requestId) : "none") + ")");
			SignatureVerificationException refused = new SignatureVerificationException(ex.getReason(),
					"Answer to " + request.getMethod() + " " + request.getURI().getRawPath() + " refused: "
							+ ex.getMessage() + " (Request-ID: " + ((requestId != null) ? requestId : "none") + ")");
			// A success answer to a write arrived: WeChat Pay may well have applied it,
			// whatever its signature.
			if (status.is2xxSuccessful() && !WechatPayOperation.isReadRequest(request)) {
				throw WechatPayWriteOutcomeUnknownException.unverifiedAnswer(BoundedAnswers.operation(request),
						refused);
			}
			throw refused;
		}
		if (error) {
			throw logged(request, apiException(status, statusText, bytes, requestId, true));
		}
		return new BufferedClientHttpResponse(response, bytes);
	}

	// One WARN line per failed call: what support needs (Request-ID) and nothing
	// personal: the path without its
	// query, the status and code; never the body, WeChat Pay's message or a header value
	// but the Request-ID. The code
	// and the Request-ID of an unsigned answer may come from anyone on the path, so both
	// are made safe for a log.
	private static WechatPayApiException logged(HttpRequest request, WechatPayApiException ex) {
		boolean expected = RESOURCE_NOT_EXISTS.equals(ex.getCode())
				&& Boolean.TRUE.equals(request.getAttributes().get(ABSENCE_EXPECTED_ATTRIBUTE));
		if (expected ? logger.isDebugEnabled() : logger.isWarnEnabled()) {
			String line = "WeChat Pay call failed: " + request.getMethod() + " " + request.getURI().getRawPath()
					+ " -> " + ex.getStatusCode() + " "
					+ ((ex.getCode() != null) ? UntrustedText.forLog(ex.getCode()) : "(no code)") + " (Request-ID: "
					+ ((ex.getRequestId() != null) ? UntrustedText.forLog(ex.getRequestId()) : "none")
					+ (ex.isVerified() ? "" : ", unsigned answer") + ")";
			if (expected) {
				logger.debug(line + "; the caller expected this answer");
			}
			else {
				logger.warn(line);
			}
		}
		return ex;
	}

	private WechatPayApiException apiException(HttpStatusCode status, String statusText, byte[] body,
			@Nullable String requestId, boolean verified) {
		return WechatPayErrorAnswers.toException(this.jsonMapper, status, statusText, body, requestId, verified);
	}

}
