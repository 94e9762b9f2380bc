package io.github.wechatpaycomplaint.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Several merchants, under {@code wechatpay.complaint.merchants.<name>}. Shares its
 * prefix with {@link ComplaintProperties}, each class binding its own keys. Each entry is
 * resolved on its own by {@link MerchantEntryResolver}, which lets it inherit the global
 * tunables; this class gives IDEs and the configuration metadata the keys of an entry. It
 * is not registered as a bean: the annotation processor writes the metadata from the
 * class, and a bean would keep every entry bound for the application's life.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(ComplaintProperties.PREFIX)
public class ComplaintMerchantsProperties {

	/**
	 * Merchants by entry name (1 to 32 lower-case letters, digits and '-'). Each entry
	 * takes the single-merchant keys without the 'wechatpay.complaint.' prefix, e.g.
	 * merchants.hk.merchant.id, merchants.hk.wechatpay-public-key.id,
	 * merchants.hk.client.endpoint; a tunable an entry leaves unset takes the global
	 * value, but client.base-uri, client.failover.backup-base-uri and
	 * client.allow-insecure-http only when the entry sets neither client.endpoint nor
	 * client.base-uri. A key no entry has stops startup. With
	 * wechatpay.complaint.merchant.* set too, that merchant is the entry 'default'.
	 */
	private final Map<String, MerchantEntryProperties> merchants = new LinkedHashMap<>();

	public Map<String, MerchantEntryProperties> getMerchants() {
		return this.merchants;
	}

}
