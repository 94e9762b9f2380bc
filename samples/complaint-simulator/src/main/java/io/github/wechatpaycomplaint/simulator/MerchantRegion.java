package io.github.wechatpaycomplaint.simulator;

/**
 * Where a simulated merchant is registered with WeChat Pay, and so which complaint paths
 * it may call: a mainland merchant the {@code /v3/merchant-service} paths, a Hong Kong
 * merchant the {@code /v3/global} paths (on {@code apihk.mch.weixin.qq.com} in
 * production). A merchant without a region may call both, as the single-merchant
 * simulator always allowed.
 *
 * @since 0.1.0
 */
public enum MerchantRegion {

	/**
	 * A mainland merchant: {@code /v3/merchant-service/...} and {@code /v3/certificates}.
	 */
	MAINLAND,

	/**
	 * A Hong Kong merchant: {@code /v3/global/merchant-service/...} and
	 * {@code /v3/global/certificates}; the application sets
	 * {@code client.endpoint=HONG_KONG}.
	 */
	HONG_KONG;

	/**
	 * Whether this region's merchants call a path.
	 * @param globalPath whether the path is a {@code /v3/global} path
	 * @return {@code true} when the path belongs to this region
	 */
	public boolean serves(boolean globalPath) {
		return globalPath == (this == HONG_KONG);
	}

}
