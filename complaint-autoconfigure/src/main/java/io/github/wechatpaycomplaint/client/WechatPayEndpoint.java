package io.github.wechatpaycomplaint.client;

import java.net.URI;
import java.util.Objects;

/**
 * The WeChat Pay API hosts a merchant can call.
 *
 * @since 0.1.0
 */
public enum WechatPayEndpoint {

	/**
	 * {@code api.mch.weixin.qq.com}: the main host, routed to the nearest access point.
	 */
	MAINLAND("https://api.mch.weixin.qq.com", false),

	/**
	 * {@code api2.mch.weixin.qq.com}: the backup host, routed to an access point in
	 * another city.
	 */
	MAINLAND_BACKUP("https://api2.mch.weixin.qq.com", false),

	/**
	 * {@code apihk.mch.weixin.qq.com}: the Hong Kong access point, with the
	 * {@code /v3/global/...} paths.
	 */
	HONG_KONG("https://apihk.mch.weixin.qq.com", true);

	private final URI baseUri;

	private final boolean global;

	WechatPayEndpoint(String baseUri, boolean global) {
		this.baseUri = URI.create(baseUri);
		this.global = global;
	}

	/**
	 * The host's base URI.
	 * @return e.g. {@code https://api.mch.weixin.qq.com}
	 */
	public URI getBaseUri() {
		return this.baseUri;
	}

	/**
	 * Whether this host serves the Hong Kong ({@code /v3/global/...}) flavour of the
	 * APIs.
	 * @return {@code true} for {@link #HONG_KONG}
	 */
	public boolean isGlobal() {
		return this.global;
	}

	/**
	 * The path of the platform certificate download on this host.
	 * @return {@code /v3/certificates}, or {@code /v3/global/certificates} in Hong Kong
	 */
	public String getCertificatesPath() {
		return Objects.requireNonNull(WechatPayOperation.CERTIFICATES.getPathTemplate(this));
	}

}
