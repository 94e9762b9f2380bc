package io.github.wechatpaycomplaint.simulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer as WeChat Pay gives it: an HTTP status, a code such as
 * {@code PARAM_ERROR}, a message (Chinese first, English after) and an optional
 * {@code detail} object.
 *
 * @since 0.1.0
 */
public final class WechatPayError extends RuntimeException {

	private final int status;

	private final String code;

	private final Map<String, Object> detail;

	private WechatPayError(int status, String code, String message, Map<String, Object> detail) {
		super(message);
		this.status = status;
		this.code = code;
		this.detail = detail;
	}

	/**
	 * WeChat Pay's answer when a page's data volume is too large; its documented advice
	 * is a smaller {@code limit}.
	 * @param limit the limit asked for
	 * @return the error
	 */
	public static WechatPayError answerTooLarge(int limit) {
		return paramError("query", "limit", limit,
				"当前查询结果数据量过大，请缩小limit后重试 (the result is too large: ask for a smaller limit)");
	}

	/**
	 * 400 {@code PARAM_ERROR} about one field.
	 * @param location {@code query}, {@code body} or {@code path}
	 * @param field the field
	 * @param value the value sent, or {@code null}
	 * @param message what is wrong
	 * @return the error
	 */
	public static WechatPayError paramError(String location, String field, Object value, String message) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("field", field);
		if (value != null) {
			detail.put("value", value);
		}
		detail.put("issue", message);
		detail.put("location", location);
		return new WechatPayError(400, "PARAM_ERROR", message, detail);
	}

	/**
	 * 400 {@code INVALID_REQUEST}: the request breaks an APIv3 or business rule.
	 * @param message what is wrong
	 * @return the error
	 */
	public static WechatPayError invalidRequest(String message) {
		return new WechatPayError(400, "INVALID_REQUEST", message, Map.of());
	}

	/**
	 * 401 {@code SIGN_ERROR}.
	 * @param message what is wrong with the signature
	 * @return the error
	 */
	public static WechatPayError signError(String message) {
		return new WechatPayError(401, "SIGN_ERROR", message, Map.of());
	}

	/**
	 * {@code RESOURCE_NOT_EXISTS} with the status the API documents (404 for a complaint,
	 * 400 for a notification URL that was never set).
	 * @param status the HTTP status
	 * @param message what does not exist
	 * @return the error
	 */
	public static WechatPayError resourceNotExists(int status, String message) {
		return new WechatPayError(status, "RESOURCE_NOT_EXISTS", message, Map.of());
	}

	/**
	 * Any other error.
	 * @param status the HTTP status
	 * @param code the error code
	 * @param message the message
	 * @return the error
	 */
	public static WechatPayError of(int status, String code, String message) {
		return new WechatPayError(status, code, message, Map.of());
	}

	public int getStatus() {
		return this.status;
	}

	public String getCode() {
		return this.code;
	}

	public Map<String, Object> getDetail() {
		return this.detail;
	}

}
