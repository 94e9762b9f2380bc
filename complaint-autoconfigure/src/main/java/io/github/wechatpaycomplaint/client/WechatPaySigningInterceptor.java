package io.github.wechatpaycomplaint.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.crypto.NonceGenerator;
import io.github.wechatpaycomplaint.crypto.SignedHeaders;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Signs every request with the merchant's key:
 * {@code Authorization: WECHATPAY2-SHA256-RSA2048 …} over the method, the raw path and
 * query, a timestamp, a nonce and the body bytes exactly as they go on the wire. Also
 * sets {@code Accept}, {@code User-Agent} and {@code Wechatpay-Serial} when the request
 * has none.
 *
 * <p>
 * Must be the innermost interceptor, so that nothing changes the request after it is
 * signed.
 *
 * @since 0.1.0
 */
public final class WechatPaySigningInterceptor implements ClientHttpRequestInterceptor {

	/**
	 * Request attribute holding the bytes (or a String) the signature covers instead of
	 * the body; the image upload sets it to the {@code meta} JSON, which is what WeChat
	 * Pay signs for multipart requests.
	 */
	public static final String SIGNED_BODY_ATTRIBUTE = WechatPaySigningInterceptor.class.getName() + ".signedBody";

	private final WechatPayMerchant merchant;

	private final Clock clock;

	private final NonceGenerator nonceGenerator;

	private final Supplier<@Nullable String> wechatpaySerial;

	private final String userAgent;

	/**
	 * Creates the interceptor.
	 * @param merchant the merchant that signs
	 * @param clock the clock for the signature timestamp
	 * @param nonceGenerator the nonce source
	 * @param wechatpaySerial the {@code Wechatpay-Serial} to send (public key id or
	 * newest platform certificate), or {@code null} for none
	 * @param userAgent the {@code User-Agent}
	 */
	public WechatPaySigningInterceptor(WechatPayMerchant merchant, Clock clock, NonceGenerator nonceGenerator,
			Supplier<@Nullable String> wechatpaySerial, String userAgent) {
		this.merchant = Objects.requireNonNull(merchant, "merchant");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.nonceGenerator = Objects.requireNonNull(nonceGenerator, "nonceGenerator");
		this.wechatpaySerial = Objects.requireNonNull(wechatpaySerial, "wechatpaySerial");
		this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		HttpHeaders headers = request.getHeaders();
		if (headers.getAccept().isEmpty()) {
			headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		}
		if (!headers.containsHeader(HttpHeaders.USER_AGENT)) {
			headers.set(HttpHeaders.USER_AGENT, this.userAgent);
		}
		if (!headers.containsHeader(SignedHeaders.SERIAL)) {
			String serial = this.wechatpaySerial.get();
			if (serial != null) {
				headers.set(SignedHeaders.SERIAL, serial);
			}
		}
		String authorization = this.merchant
			.authorize(request.getMethod().name(), canonicalUrl(request.getURI()),
					this.clock.instant().getEpochSecond(), this.nonceGenerator.nextNonce(), signedBody(request, body))
			.toHeaderValue();
		headers.set(HttpHeaders.AUTHORIZATION, authorization);
		return execution.execute(request, body);
	}

	/**
	 * The URL line of the signature: the raw (still percent-encoded) path, plus {@code ?}
	 * and the raw query.
	 * @param uri the request URI
	 * @return the canonical URL
	 */
	public static String canonicalUrl(URI uri) {
		String path = uri.getRawPath();
		if (path == null || path.isEmpty()) {
			path = "/";
		}
		String query = uri.getRawQuery();
		return (query != null) ? path + "?" + query : path;
	}

	private static byte[] signedBody(HttpRequest request, byte[] body) {
		Object override = request.getAttributes().get(SIGNED_BODY_ATTRIBUTE);
		if (override instanceof byte[] bytes) {
			return bytes;
		}
		if (override instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		return body;
	}

}
