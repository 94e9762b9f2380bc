package io.github.wechatpaycomplaint.client;

import java.util.Map;

import io.github.wechatpaycomplaint.WechatPayException;
import io.github.wechatpaycomplaint.crypto.internal.UntrustedText;
import org.jspecify.annotations.Nullable;

/**
 * An error answer (4xx or 5xx) from WeChat Pay, with the fields WeChat Pay support asks
 * for.
 *
 * <p>
 * {@link #isVerified()} tells whether the answer carried a valid WeChat Pay signature. An
 * unverified error grants nothing: it only means the call did not succeed, and may have
 * been produced by a proxy or an attacker.
 *
 * @since 0.1.0
 */
public class WechatPayApiException extends WechatPayException {

	// Longest part of WeChat Pay's error message kept in the exception's message;
	// getErrorMessage() has all of it.
	private static final int MAX_MESSAGE_LENGTH = 512;

	private final int statusCode;

	private final @Nullable String code;

	private final @Nullable String errorMessage;

	private final Map<String, Object> detail;

	private final @Nullable String requestId;

	private final boolean verified;

	public WechatPayApiException(int statusCode, @Nullable String code, @Nullable String errorMessage,
			@Nullable Map<String, Object> detail, @Nullable String requestId, boolean verified) {
		super(describe(statusCode, code, errorMessage, requestId, verified));
		this.statusCode = statusCode;
		this.code = code;
		this.errorMessage = errorMessage;
		this.detail = (detail != null) ? Map.copyOf(detail) : Map.of();
		this.requestId = requestId;
		this.verified = verified;
	}

	/**
	 * The HTTP status.
	 * @return e.g. 400
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * WeChat Pay's error code.
	 * @return e.g. {@code PARAM_ERROR}, {@code SIGN_ERROR}, {@code FREQUENCY_LIMITED};
	 * {@code null} when the body had none
	 */
	public @Nullable String getCode() {
		return this.code;
	}

	/**
	 * WeChat Pay's error message.
	 * @return the message, or {@code null}
	 */
	public @Nullable String getErrorMessage() {
		return this.errorMessage;
	}

	/**
	 * WeChat Pay's {@code detail} object (e.g. {@code field}, {@code value},
	 * {@code issue}, {@code location}).
	 * @return the detail, empty when there was none
	 */
	public Map<String, Object> getDetail() {
		return this.detail;
	}

	/**
	 * The {@code Request-ID} header, which WeChat Pay support needs to trace a call.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	/**
	 * Whether the error answer carried a valid WeChat Pay signature.
	 * @return {@code true} if signed and verified
	 */
	public boolean isVerified() {
		return this.verified;
	}

	private static String describe(int statusCode, @Nullable String code, @Nullable String message,
			@Nullable String requestId, boolean verified) {
		// The message lands in logs (the application's and ours); an unsigned answer may
		// come from anyone on the path.
		StringBuilder text = new StringBuilder("WeChat Pay answered ").append(statusCode);
		if (code != null) {
			text.append(' ').append(UntrustedText.forLog(code));
		}
		if (message != null) {
			text.append(": ").append(UntrustedText.forMessage(message, MAX_MESSAGE_LENGTH));
		}
		text.append(" (Request-ID: ").append((requestId != null) ? UntrustedText.forLog(requestId) : "none");
		if (!verified) {
			text.append(", unsigned answer");
		}
		return text.append(')').toString();
	}

}
