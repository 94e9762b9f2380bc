package io.github.wechatpaycomplaint.simulator.http;

import java.nio.charset.StandardCharsets;

/**
 * What a handler answers: a status, a content type and the body bytes, and whether WeChat
 * Pay would sign it (every answer except the complaint image download).
 *
 * @param status the HTTP status
 * @param contentType the content type, or {@code null} without a body
 * @param body the body bytes, empty for 204
 * @param signed whether the answer carries {@code Wechatpay-*} signature headers
 * @since 0.1.0
 */
public record ApiAnswer(int status, String contentType, byte[] body, boolean signed) {

	private static final String JSON = "application/json; charset=utf-8";

	/**
	 * A signed JSON answer.
	 * @param status the status
	 * @param json the JSON bytes
	 * @return the answer
	 */
	public static ApiAnswer json(int status, byte[] json) {
		return new ApiAnswer(status, JSON, json, true);
	}

	/**
	 * A signed 204 without body.
	 * @return the answer
	 */
	public static ApiAnswer noContent() {
		return new ApiAnswer(204, null, new byte[0], true);
	}

	/**
	 * An unsigned binary answer, as the image download gives.
	 * @param contentType the content type
	 * @param bytes the bytes
	 * @return the answer
	 */
	public static ApiAnswer unsignedBytes(String contentType, byte[] bytes) {
		return new ApiAnswer(200, contentType, bytes, false);
	}

	/**
	 * An unsigned JSON or text answer of the simulator's own admin API.
	 * @param status the status
	 * @param contentType the content type
	 * @param text the text
	 * @return the answer
	 */
	public static ApiAnswer plain(int status, String contentType, String text) {
		return new ApiAnswer(status, contentType, text.getBytes(StandardCharsets.UTF_8), false);
	}

}
