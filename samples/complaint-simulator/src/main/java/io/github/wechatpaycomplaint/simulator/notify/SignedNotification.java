package io.github.wechatpaycomplaint.simulator.notify;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A notification as it travels: the exact body bytes and WeChat Pay's headers
 * ({@code Wechatpay-Timestamp}, {@code -Nonce}, {@code -Signature}, {@code -Serial},
 * {@code -Signature-Type} and {@code Request-ID}). The {@code with…} methods make broken
 * copies.
 *
 * @param id the notification id ({@code id}), which duplicates share
 * @param body the body bytes
 * @param headers the headers, in WeChat Pay's order
 * @since 0.1.0
 */
public record SignedNotification(String id, byte[] body, Map<String, String> headers) {

	public SignedNotification {
		body = body.clone();
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
	}

	@Override
	public byte[] body() {
		return this.body.clone();
	}

	/**
	 * The body as UTF-8 text.
	 * @return the text
	 */
	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * A copy with one header set (or replaced).
	 * @param name the header name
	 * @param value the value
	 * @return the copy
	 */
	public SignedNotification withHeader(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.headers);
		copy.put(name, value);
		return new SignedNotification(this.id, this.body, copy);
	}

	/**
	 * A copy without one header.
	 * @param name the header name
	 * @return the copy
	 */
	public SignedNotification withoutHeader(String name) {
		Map<String, String> copy = new LinkedHashMap<>(this.headers);
		copy.remove(name);
		return new SignedNotification(this.id, this.body, copy);
	}

	/**
	 * The same headers over another body: the signature no longer matches.
	 * @param otherBody the body
	 * @return the copy
	 */
	public SignedNotification withBody(byte[] otherBody) {
		return new SignedNotification(this.id, otherBody, this.headers);
	}

	@Override
	public String toString() {
		return "SignedNotification[id=" + this.id + ", headers=" + this.headers.keySet() + "]";
	}

}
