package io.github.wechatpaycomplaint.client;

import org.springframework.web.client.RestClient;

/**
 * Customizes the builder of the starter's WeChat Pay {@link RestClient}s (e.g. a proxy, extra interceptors or
 * observation settings) before the starter adds its signing and verifying interceptors, which always stay innermost.
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
