package io.github.wechatpaycomplaint.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.crypto.NonceGenerator;
import io.github.wechatpaycomplaint.crypto.internal.WechatPaySignatureValidator;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.merchant.WechatPayVerificationKeys;
import io.github.wechatpaycomplaint.resilience.FailoverInterceptor;
import io.github.wechatpaycomplaint.resilience.RateLimitInterceptor;
import io.github.wechatpaycomplaint.resilience.RetryInterceptor;
import io.github.wechatpaycomplaint.resilience.WechatPayRateLimiter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;

/**
 * Builds WeChat Pay {@link RestClient}s for a merchant from a {@link RestClient.Builder}
 * (so Boot's message converters, observations and customizers apply): a base URI, the
 * request factory with the configured timeouts, the user's
 * {@link WechatPayRestClientCustomizer}s, then the starter's interceptors: the
 * classification of writes whose outcome is unknown, verification, retries, the rate
 * limiter, signing, and failover to the backup host.
 *
 * <p>
 * The request factory must not follow redirects: a followed redirect would carry the
 * merchant's {@code Authorization} to the host the {@code Location} names. The
 * auto-configuration builds it with {@code HttpRedirects.DONT_FOLLOW}.
 *
 * @since 0.1.0
 */
public final class WechatPayRestClientFactory {

	// Every client's builder is a clone of this one: each of Spring Boot's builders
	// comes with a new HTTP client (a JDK client has its own selector thread), which
	// would be replaced by the shared request factory at once.
	private final Supplier<RestClient.Builder> template;

	private final ClientHttpRequestFactory requestFactory;

	private final List<WechatPayRestClientCustomizer> customizers;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	private final NonceGenerator nonceGenerator;

	private final String userAgent;

	private final ClientResilience resilience;

	private final @Nullable String merchantName;

	/**
	 * Request attribute holding the entry name of the merchant whose client sends the
	 * request (clients of {@link #forMerchant}), for metrics.
	 */
	public static final String MERCHANT_ATTRIBUTE = WechatPayRestClientFactory.class.getName() + ".merchant";

	/**
	 * Creates the factory.
	 * @param builders supplies the builder (Spring Boot's prototype
	 * {@code RestClient.Builder}) that every client's builder is cloned from; asked once,
	 * on the first client
	 * @param requestFactory supplies the HTTP request factory, which must not follow
	 * redirects; called on the first request, not at startup
	 * @param customizers the user's customizers
	 * @param jsonMapper reads error answers
	 * @param clock the clock of signatures and of the answer window
	 * @param nonceGenerator the nonce source
	 * @param userAgent the User-Agent
	 * @param resilience retries, rate limiter and failover
	 */
	public WechatPayRestClientFactory(Supplier<RestClient.Builder> builders,
			Supplier<ClientHttpRequestFactory> requestFactory, List<WechatPayRestClientCustomizer> customizers,
			JsonMapper jsonMapper, Clock clock, NonceGenerator nonceGenerator, String userAgent,
			ClientResilience resilience) {
		Objects.requireNonNull(builders, "builders");
		this.requestFactory = new LazyClientHttpRequestFactory(
				Objects.requireNonNull(requestFactory, "requestFactory"));
		ClientHttpRequestFactory shared = this.requestFactory;
		this.template = SingletonSupplier.of(() -> builders.get().requestFactory(shared));
		this.customizers = List.copyOf(customizers);
		this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.nonceGenerator = Objects.requireNonNull(nonceGenerator, "nonceGenerator");
		this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
		this.resilience = Objects.requireNonNull(resilience, "resilience");
		this.merchantName = null;
	}

	private WechatPayRestClientFactory(WechatPayRestClientFactory shared, ClientResilience resilience,
			@Nullable String merchantName) {
		this.template = shared.template;
		this.requestFactory = shared.requestFactory;
		this.customizers = shared.customizers;
		this.jsonMapper = shared.jsonMapper;
		this.clock = shared.clock;
		this.nonceGenerator = shared.nonceGenerator;
		this.userAgent = shared.userAgent;
		this.resilience = Objects.requireNonNull(resilience, "resilience");
		this.merchantName = merchantName;
	}

	/**
	 * A factory for another merchant's clients, with that merchant's retries, rate limits
	 * and failover, over this factory's HTTP request factory: every merchant shares one
	 * connection pool.
	 * @param resilience the merchant's retries, rate limiter and failover
	 * @return the factory
	 */
	public WechatPayRestClientFactory withResilience(ClientResilience resilience) {
		return new WechatPayRestClientFactory(this, resilience, this.merchantName);
	}

	/**
	 * A factory whose clients mark each request with the merchant's entry name (the
	 * request attribute {@link #MERCHANT_ATTRIBUTE}), so that metrics can tell merchants
	 * apart.
	 * @param merchantName the entry name
	 * @return the factory
	 */
	public WechatPayRestClientFactory forMerchant(String merchantName) {
		return new WechatPayRestClientFactory(this, this.resilience,
				Objects.requireNonNull(merchantName, "merchantName"));
	}

	/**
	 * A client that signs every request and verifies every answer.
	 * @param merchant the merchant
	 * @param keys the keys that verify WeChat Pay's answers
	 * @param baseUri the host to call
	 * @param maxClockSkew how far an answer's timestamp may be from the local clock
	 * @return the client
	 */
	public RestClient verifyingClient(WechatPayMerchant merchant, WechatPayVerificationKeys keys, URI baseUri,
			Duration maxClockSkew) {
		// WeChat Pay's own answers may wait (bounded) for a certificate download their
		// new serial triggers.
		WechatPaySignatureValidator validator = new WechatPaySignatureValidator(keys.awaitingDownloads(), this.clock,
				maxClockSkew);
		return build(baseUri, new WechatPayResponseVerifyingInterceptor(validator, this.jsonMapper),
				this.resilience.rateLimiter(), true, merchant, keys::requestSerial);
	}

	/**
	 * A client that signs requests but leaves answers unchecked, for callers that verify
	 * answers themselves (the platform certificate download, whose answer is signed by a
	 * certificate it contains). Each call is one attempt (plus the failover host when the
	 * main one cannot be reached), without retries or rate-limit permits: the download
	 * runs on threads shared by every merchant, which must not sleep between attempts or
	 * wait for permits, and the certificate manager retries with back-off itself.
	 * @param merchant the merchant
	 * @param requestSerial the {@code Wechatpay-Serial} to send, or {@code null}
	 * @param baseUri the host to call
	 * @return the client
	 */
	public RestClient signingClient(WechatPayMerchant merchant, Supplier<@Nullable String> requestSerial, URI baseUri) {
		return build(baseUri, null, null, false, merchant, requestSerial);
	}

	// Outermost first: [customizers…, write outcome, verify, retry, rate limit, sign,
	// failover]. A write's failure is
	// classified once retries and failover gave up (reading the answer included);
	// verification sees the final answer
	// only; each retry takes a permit and is signed anew; failover re-sends the same
	// signed request to another host.
	private RestClient build(URI baseUri, @Nullable WechatPayResponseVerifyingInterceptor verifying,
			@Nullable WechatPayRateLimiter rateLimiter, boolean retries, WechatPayMerchant merchant,
			Supplier<@Nullable String> requestSerial) {
		List<ClientHttpRequestInterceptor> ours = new ArrayList<>();
		ours.add(new WriteOutcomeInterceptor());
		if (verifying != null) {
			ours.add(verifying);
		}
		if (retries && this.resilience.retryPolicy().maxAttempts() > 1) {
			ours.add(new RetryInterceptor(this.resilience.retryPolicy(), this.resilience.sleeper(),
					WechatPayOperation::isReadRequest));
		}
		if (rateLimiter != null) {
			ours.add(new RateLimitInterceptor(merchant.getMerchantId(), rateLimiter,
					WechatPayOperation::rateLimitGroupOf));
		}
		ours.add(new WechatPaySigningInterceptor(merchant, this.clock, this.nonceGenerator, requestSerial,
				this.userAgent));
		URI backup = this.resilience.failoverBaseUri();
		if (backup != null && !backup.equals(baseUri)) {
			ours.add(new FailoverInterceptor(baseUri, backup, WechatPayOperation::isReadRequest));
		}
		RestClient.Builder builder = this.template.get().clone().baseUrl(baseUri);
		String name = this.merchantName;
		if (name != null) {
			builder.defaultRequest((request) -> request.attribute(MERCHANT_ATTRIBUTE, name));
		}
		this.customizers.forEach((customizer) -> customizer.customize(builder));
		builder.requestInterceptors((interceptors) -> {
			interceptors.removeIf((interceptor) -> isOurs(interceptor.getClass()));
			interceptors.addAll(ours);
		});
		return builder.build();
	}

	private static boolean isOurs(Class<?> type) {
		return type == WriteOutcomeInterceptor.class || type == WechatPaySigningInterceptor.class
				|| type == WechatPayResponseVerifyingInterceptor.class || type == RetryInterceptor.class
				|| type == RateLimitInterceptor.class || type == FailoverInterceptor.class;
	}

}
