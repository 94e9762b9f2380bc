package io.github.wechatpaycomplaint.resilience;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Takes a permit from the merchant's quota before each attempt of a complaint API call;
 * every attempt, retries included, counts against WeChat Pay's quota. Which quota a call
 * counts against is told by the client, which knows WeChat Pay's operations.
 *
 * @since 0.1.0
 */
public final class RateLimitInterceptor implements ClientHttpRequestInterceptor {

	private final String merchantId;

	private final WechatPayRateLimiter limiter;

	private final Function<HttpRequest, @Nullable RateLimitedApi> quota;

	/**
	 * Creates the interceptor.
	 * @param merchantId the merchant whose quota calls count against
	 * @param limiter the limiter
	 * @param quota the quota a request counts against, {@code null} for none
	 */
	public RateLimitInterceptor(String merchantId, WechatPayRateLimiter limiter,
			Function<HttpRequest, @Nullable RateLimitedApi> quota) {
		this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
		this.limiter = Objects.requireNonNull(limiter, "limiter");
		this.quota = Objects.requireNonNull(quota, "quota");
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		RateLimitedApi api = this.quota.apply(request);
		if (api != null) {
			this.limiter.acquire(this.merchantId, api);
		}
		return execution.execute(request, body);
	}

}
