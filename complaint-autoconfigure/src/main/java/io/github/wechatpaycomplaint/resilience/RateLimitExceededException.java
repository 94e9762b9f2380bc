package io.github.wechatpaycomplaint.resilience;

import io.github.wechatpaycomplaint.WechatPayException;

/**
 * No permit to call WeChat Pay came within the allowed wait: sending the call would
 * exceed WeChat Pay's quota for the merchant. Nothing was sent.
 *
 * @since 0.1.0
 */
public class RateLimitExceededException extends WechatPayException {

	private final RateLimitedApi api;

	public RateLimitExceededException(RateLimitedApi api, String message) {
		super(message);
		this.api = api;
	}

	/**
	 * The quota that was exhausted.
	 * @return the quota
	 */
	public RateLimitedApi getApi() {
		return this.api;
	}

}
