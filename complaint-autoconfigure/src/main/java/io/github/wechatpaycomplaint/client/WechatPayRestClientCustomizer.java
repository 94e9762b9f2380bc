package io.github.wechatpaycomplaint.client;

import org.springframework.web.client.RestClient;

/**
 * Customizes the builder of the starter's WeChat Pay {@link RestClient}s (e.g. a proxy,
 * extra interceptors or observation settings) before the starter adds its signing and
 * verifying interceptors, which always stay innermost.
 *
 * <p>
 * A customizer that replaces the request factory ({@code builder.requestFactory(…)}) must
 * give one that never follows redirects (e.g. built from {@code HttpClientSettings} with
 * {@code HttpRedirects.DONT_FOLLOW}, and no HTTP client customizer switching redirects
 * back on): a followed redirect sends the merchant's signed {@code Authorization} header
 * to the host the {@code Location} names, where it can be replayed for five minutes, and
 * for an image download hands back that host's bytes. With the starter's own factory a
 * 3xx is refused as a {@link WechatPayApiException}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface WechatPayRestClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder
	 */
	void customize(RestClient.Builder builder);

}
