package io.github.wechatpaycomplaint.resilience;

import java.io.IOException;
import java.util.Objects;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Takes a permit from the merchant's quota before each attempt of a complaint API call; every attempt, retries
 * included, counts against WeChat Pay's quota.
 *
 * @since 0.1.0
 */
public final class RateLimitInterceptor implements ClientHttpRequestInterceptor {

	private final String merchantId;

	private final WechatPayRateLimiter limiter;

	public RateLimitInterceptor(String merchantId, WechatPayRateLimiter limiter) {
		this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
		this.limiter = Objects.requireNonNull(limiter, "limiter");
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		RateLimitedApi api = RateLimitedApi.of(request.getMethod(), request.getURI().getRawPath());
		if (api != null) {
			this.limiter.acquire(this.merchantId, api);
		}
		return execution.execute(request, body);
	}

}
