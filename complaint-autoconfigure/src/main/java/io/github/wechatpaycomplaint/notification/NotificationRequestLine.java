package io.github.wechatpaycomplaint.notification;

import java.util.OptionalLong;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * What {@link NotificationRequestProcessor} needs of a request besides its body: the
 * method, the merchant its path names and its headers. Each web stack's adapter
 * implements it over its own request type.
 *
 * @since 0.1.0
 */
public interface NotificationRequestLine {

	/**
	 * The request method.
	 * @return the method
	 */
	HttpMethod method();

	/**
	 * The merchant's entry name from the path {@code <path>/{merchant}}.
	 * @return the name, or {@code null} for the shared path
	 */
	@Nullable String merchantName();

	/**
	 * The first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} when the request has no such header
	 */
	@Nullable String header(String name);

	/**
	 * The declared {@code Content-Length}.
	 * @return the length, or empty when none is declared (a chunked body)
	 */
	OptionalLong contentLength();

	/**
	 * A request line from its parts, as an adapter reads them from its request.
	 * @param method the request method
	 * @param merchantName the merchant's entry name from the path, or {@code null} for
	 * the shared path
	 * @param header the first value of a header by name, {@code null} when absent
	 * @param contentLength the declared {@code Content-Length}, empty when none
	 * @return the request line
	 */
	static NotificationRequestLine of(HttpMethod method, @Nullable String merchantName,
			Function<String, @Nullable String> header, OptionalLong contentLength) {
		return new RequestLineParts(method, merchantName, header, contentLength);
	}

}
