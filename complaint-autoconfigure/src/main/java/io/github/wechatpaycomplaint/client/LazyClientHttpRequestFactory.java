package io.github.wechatpaycomplaint.client;

import java.io.IOException;
import java.net.URI;
import java.util.function.Supplier;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * Creates the real request factory on the first request. Building an HTTP client (its
 * selector thread, the default TLS context and trust store) costs a few hundred
 * milliseconds, which an application should not pay at startup for a client it may call
 * only later.
 */
final class LazyClientHttpRequestFactory implements ClientHttpRequestFactory {

	private final SingletonSupplier<ClientHttpRequestFactory> delegate;

	LazyClientHttpRequestFactory(Supplier<ClientHttpRequestFactory> factory) {
		this.delegate = SingletonSupplier.of(factory);
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		return this.delegate.obtain().createRequest(uri, httpMethod);
	}

}
