package io.github.wechatpaycomplaint.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the starter's Micrometer meters (when a MeterRegistry is present),
 * under {@code wechatpay.complaint.metrics}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(ComplaintMetricsProperties.PREFIX)
public class ComplaintMetricsProperties {

	/** Prefix of these properties. */
	public static final String PREFIX = ComplaintProperties.PREFIX + ".metrics";

	/**
	 * Whether the API call, notification and inbox pass meters carry a 'merchant' tag,
	 * the entry name of the merchant ('default' for wechatpay.complaint.merchant.*). Turn
	 * it off on platforms with thousands of merchants, where a time series per merchant
	 * costs too much.
	 */
	private boolean merchantTag = true;

	public boolean isMerchantTag() {
		return this.merchantTag;
	}

	public void setMerchantTag(boolean merchantTag) {
		this.merchantTag = merchantTag;
	}

}
