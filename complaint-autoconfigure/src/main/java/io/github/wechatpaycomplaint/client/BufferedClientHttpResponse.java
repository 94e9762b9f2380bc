package io.github.wechatpaycomplaint.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A response whose body has been read (to verify its signature) and is handed on from
 * memory.
 */
final class BufferedClientHttpResponse implements ClientHttpResponse {

	private final ClientHttpResponse delegate;

	private final byte[] body;

	BufferedClientHttpResponse(ClientHttpResponse delegate, byte[] body) {
		this.delegate = delegate;
		this.body = body;
	}

	@Override
	public HttpStatusCode getStatusCode() throws IOException {
		return this.delegate.getStatusCode();
	}

	@Override
	public String getStatusText() throws IOException {
		return this.delegate.getStatusText();
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.delegate.getHeaders();
	}

	@Override
	public InputStream getBody() {
		return new ByteArrayInputStream(this.body);
	}

	@Override
	public void close() {
		this.delegate.close();
	}

}
