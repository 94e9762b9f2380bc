package io.github.wechatpaycomplaint.multimerchant;

/**
 * Checks a merchant's definition and builds its {@link MerchantComponents}; the
 * auto-configuration provides one that checks the settings against the keys of a
 * {@code wechatpay.complaint.merchants.<name>} entry and shares a single HTTP connection
 * pool and rate limiter between merchants.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MerchantComponentsFactory {

	/**
	 * Builds the components.
	 * @param definition the merchant
	 * @return its components
	 * @throws RuntimeException when the definition cannot work, e.g. a key that does not
	 * parse; the message names the property and never a key
	 */
	MerchantComponents create(MerchantDefinition definition);

	/**
	 * Checks a definition before the registry takes it, so that a mistake fails where the
	 * merchant is added instead of being ignored or found on first use.
	 * @param definition the merchant
	 * @throws IllegalArgumentException when its settings cannot be used, e.g. a key that
	 * no merchant entry has
	 */
	default void check(MerchantDefinition definition) {
	}

}
