package io.github.wechatpaycomplaint.client;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Reads an answer's body up to a cap: a {@code Content-Length} above it fails before a
 * byte is read, a body that runs past it fails after one byte more, so no answer is ever
 * held whole beyond the cap.
 */
final class BoundedAnswers {

	private BoundedAnswers() {
	}

	/**
	 * Reads the body and closes the response.
	 * @param response the answer
	 * @param limit the cap in bytes
	 * @param operation the call, for the failure message
	 * @return the body
	 * @throws IOException if reading fails
	 * @throws WechatPayAnswerTooLargeException if the body is larger than the cap
	 */
	static byte[] readAndClose(ClientHttpResponse response, int limit, String operation) throws IOException {
		try (response) {
			long declared = response.getHeaders().getContentLength();
			if (declared > limit) {
				throw new WechatPayAnswerTooLargeException(operation, limit, declared);
			}
			try (InputStream body = response.getBody()) {
				// readNBytes grows in small chunks as bytes arrive: nothing is allocated
				// for bytes never sent.
				byte[] bytes = body.readNBytes(limit + 1);
				if (bytes.length > limit) {
					throw new WechatPayAnswerTooLargeException(operation, limit, -1);
				}
				return bytes;
			}
		}
	}

	/**
	 * Names a call in messages: method and raw path, never the query (which may hold ids
	 * and dates).
	 * @param request the request
	 * @return e.g. {@code GET /v3/merchant-service/complaints-v2}
	 */
	static String operation(HttpRequest request) {
		return request.getMethod() + " " + request.getURI().getRawPath();
	}

}
