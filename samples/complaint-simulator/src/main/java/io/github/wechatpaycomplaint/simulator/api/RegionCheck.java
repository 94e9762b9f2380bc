package io.github.wechatpaycomplaint.simulator.api;

import io.github.wechatpaycomplaint.simulator.MerchantRegion;
import io.github.wechatpaycomplaint.simulator.http.ApiRequest;
import io.github.wechatpaycomplaint.simulator.http.WechatPayError;

/**
 * Refuses a merchant's call on the other region's paths: a Hong Kong merchant calls the
 * {@code /v3/global} paths, a mainland merchant the others. A merchant without a region
 * calls both.
 *
 * @since 0.1.0
 */
final class RegionCheck {

	private final String merchantId;

	private final MerchantRegion region;

	RegionCheck(String merchantId, MerchantRegion region) {
		this.merchantId = merchantId;
		this.region = region;
	}

	void check(ApiRequest request) {
		if (!this.region.serves(request.global())) {
			throw WechatPayError.of(403, "NO_AUTH",
					"商户无权限 (merchant " + this.merchantId + " is a " + this.region + " merchant: it calls the "
							+ ((this.region == MerchantRegion.HONG_KONG) ? "/v3/global paths"
									: "mainland paths, not /v3/global")
							+ ")");
		}
	}

}
