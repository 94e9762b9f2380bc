package io.github.wechatpaycomplaint.multimerchant;

import java.util.Map;

/**
 * Checks the settings of a {@link MerchantDefinition} as it is built, so that a mistyped
 * key fails where it is written instead of being ignored. The auto-configuration module
 * provides the check against the keys of a {@code wechatpay.complaint.merchants.<name>}
 * entry, listed under this interface's name in {@code META-INF/spring.factories} (this
 * package does not depend on the configuration binding); applications do not implement
 * it.
 *
 * @since 0.1.0
 */
public interface MerchantSettingsCheck {

	/**
	 * Checks a definition's settings.
	 * @param merchantName the entry name
	 * @param settings the settings, keyed relative to
	 * {@code wechatpay.complaint.merchants.<name>.}
	 * @throws IllegalArgumentException for a key that no merchant entry has, naming
	 * {@code wechatpay.complaint.merchants.<name>.<key>} and the closest known key
	 */
	void check(String merchantName, Map<String, String> settings);

}
