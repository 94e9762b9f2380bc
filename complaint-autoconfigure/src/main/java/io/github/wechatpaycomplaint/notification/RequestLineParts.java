package io.github.wechatpaycomplaint.notification;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * A {@link NotificationRequestLine} made of the parts an adapter read from its request.
 */
record RequestLineParts(HttpMethod method, @Nullable String merchantName, Function<String, @Nullable String> headers,
		OptionalLong contentLength) implements NotificationRequestLine {

	RequestLineParts {
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(headers, "headers");
		Objects.requireNonNull(contentLength, "contentLength");
	}

	@Override
	public @Nullable String header(String name) {
		return this.headers.apply(name);
	}

}
