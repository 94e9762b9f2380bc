package io.github.wechatpaycomplaint.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A built notification: the exact body bytes and the headers WeChat Pay would send, ready
 * to post with MockMvc or to a real port.
 *
 * @since 0.1.0
 */
public final class WechatPayNotification {

	/** The starter's default notification path. */
	public static final String DEFAULT_PATH = "/wechatpay/complaint-notifications";

	private final String id;

	private final byte[] body;

	private final Map<String, String> headers;

	WechatPayNotification(String id, byte[] body, Map<String, String> headers) {
		this.id = id;
		this.body = body.clone();
		this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
	}

	/**
	 * The notification id ({@code id}), which duplicates share.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The raw body, exactly the bytes that were signed (or tampered with).
	 * @return a copy of the body
	 */
	public byte[] body() {
		return this.body.clone();
	}

	public String bodyAsString() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * The headers: {@code Content-Type}, {@code Wechatpay-Timestamp}, {@code -Nonce},
	 * {@code -Signature}, {@code -Serial}, {@code -Signature-Type} and {@code Request-ID}
	 * (less any removed on purpose).
	 * @return the headers
	 */
	public Map<String, String> headers() {
		return this.headers;
	}

	/**
	 * The headers as Spring {@link HttpHeaders}.
	 * @return the headers
	 */
	public HttpHeaders httpHeaders() {
		HttpHeaders headers = new HttpHeaders();
		this.headers.forEach(headers::set);
		return headers;
	}

	/**
	 * A MockMvc POST of this notification to the starter's default path.
	 * @return the request builder, for {@code mockMvc.perform(...)} or
	 * {@code mockMvcTester.perform(...)}
	 */
	public MockHttpServletRequestBuilder toMockMvc() {
		return toMockMvc(DEFAULT_PATH);
	}

	/**
	 * A MockMvc POST of this notification.
	 * @param path the notification path ({@code wechatpay.complaint.notification.path})
	 * @return the request builder
	 */
	public MockHttpServletRequestBuilder toMockMvc(String path) {
		return MockMvcRequestBuilders.post(path)
			.contentType(MediaType.APPLICATION_JSON)
			.headers(httpHeaders())
			.content(this.body);
	}

	/**
	 * Posts this notification to a running application.
	 * @param url the notification URL, e.g.
	 * {@code http://localhost:8080/wechatpay/complaint-notifications}
	 * @return the HTTP status the application answered
	 */
	public int postTo(URI url) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.body));
		this.headers.forEach(request::header);
		try {
			return HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.build()
				.send(request.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while posting the notification", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The notification could not be posted to " + url, ex);
		}
	}

	@Override
	public String toString() {
		return "WechatPayNotification[id=" + this.id + ", headers=" + this.headers.keySet() + "]";
	}

}
