package io.github.wechatpaycomplaint.autoconfigure;

import io.github.wechatpaycomplaint.multimerchant.MerchantDefinition;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.Environment;

/**
 * The merchants that the single-merchant beans do not serve (every merchant but the one
 * of {@code wechatpay.complaint.merchant.*}), each with its settings resolved over the
 * global properties: what per-merchant registration and reconciliation decide on, for the
 * merchants read at startup and for those added while the application runs.
 */
final class EntryMerchants {

	private final MerchantEntryResolver resolver;

	private final boolean singleMerchantKeys;

	/**
	 * Creates the view.
	 * @param propertiesSource the properties' merchants, or {@code null}
	 * @param environment the environment holding the global properties
	 */
	EntryMerchants(@Nullable PropertiesMerchantSource propertiesSource, Environment environment) {
		this.resolver = ComplaintMerchantsAutoConfiguration.resolver(environment);
		this.singleMerchantKeys = propertiesSource != null && propertiesSource.singleMerchant() != null;
	}

	/**
	 * Whether a merchant is served per merchant rather than by the single-merchant beans.
	 * @param definition the merchant
	 * @return {@code false} only for the entry of {@code wechatpay.complaint.merchant.*}
	 */
	boolean isEntry(MerchantDefinition definition) {
		return !(this.singleMerchantKeys && definition.name().equals(PropertiesMerchantSource.DEFAULT_NAME));
	}

	/**
	 * Resolves a merchant's settings over the global properties.
	 * @param definition the merchant
	 * @return the merchant with its settings
	 * @throws InvalidComplaintPropertyException when a setting cannot work
	 */
	EntryMerchant resolve(MerchantDefinition definition) {
		return new EntryMerchant(definition, this.resolver.resolve(definition));
	}

	/**
	 * Whether a merchant sets a key itself rather than inheriting it.
	 * @param definition the merchant
	 * @param key relative to the entry, e.g. {@code notification.public-url}
	 * @return whether it is among its settings, in any relaxed spelling
	 */
	static boolean setsItself(MerchantDefinition definition, String key) {
		ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
		return definition.settings()
			.keySet()
			.stream()
			.anyMatch((setting) -> ConfigurationPropertyName.adapt(setting, '.').equals(name));
	}

	/**
	 * A merchant and its resolved settings.
	 *
	 * @param definition the merchant
	 * @param settings its settings, the global ones where it sets none
	 */
	record EntryMerchant(MerchantDefinition definition, MerchantEntryProperties settings) {

		String name() {
			return this.definition.name();
		}

		/**
		 * Whether the merchant sets this key itself rather than inheriting it.
		 * @param key relative to the entry, e.g. {@code notification.public-url}
		 * @return whether it is set on the entry, in any relaxed spelling
		 */
		boolean setsItself(String key) {
			return EntryMerchants.setsItself(this.definition, key);
		}

		/**
		 * The full name of one of its properties, for error messages.
		 * @param key relative to the entry
		 * @return {@code wechatpay.complaint.merchants.<name>.<key>}
		 */
		String property(String key) {
			return MerchantEntryResolver.prefix(name()) + "." + key;
		}

	}

}
