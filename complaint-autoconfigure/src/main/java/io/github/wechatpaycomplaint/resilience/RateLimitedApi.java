package io.github.wechatpaycomplaint.resilience;

/**
 * The per-merchant quotas WeChat Pay sets on the complaint API: 200 list calls a minute,
 * and 60 a minute for the other merchant-feedback calls. Each operation names its quota
 * ({@code WechatPayOperation.getRateLimitGroup()} in the client package).
 *
 * @since 0.1.0
 */
public enum RateLimitedApi {

	/** The complaint list: 200 calls a minute. */
	LIST,

	/** Every other complaint call: 60 calls a minute. */
	FEEDBACK

}
