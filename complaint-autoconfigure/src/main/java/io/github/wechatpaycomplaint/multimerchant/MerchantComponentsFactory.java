package io.github.wechatpaycomplaint.multimerchant;

/**
 * Builds a merchant's {@link MerchantComponents} from its definition; the
 * auto-configuration provides one that shares a single HTTP connection pool and rate
 * limiter between merchants.
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

}
