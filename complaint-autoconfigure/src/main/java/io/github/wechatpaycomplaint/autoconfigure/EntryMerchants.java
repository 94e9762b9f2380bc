package io.github.wechatpaycomplaint.autoconfigure;

import java.util.List;

import io.github.wechatpaycomplaint.multimerchant.MerchantDefinition;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The merchants that the single-merchant beans do not serve (every merchant but the one
 * of {@code wechatpay.complaint.merchant.*}), each with its settings resolved over the
 * global properties: what per-merchant registration and reconciliation work on.
 */
final class EntryMerchants {

	private EntryMerchants() {
	}

	/**
	 * The merchants known now, sorted by name.
	 * @param merchants the registry
	 * @param propertiesSource the properties' merchants, or {@code null}
	 * @param environment the environment holding the global properties
	 * @return each merchant with its resolved settings
	 */
	static List<EntryMerchant> of(WechatPayMerchants merchants, @Nullable PropertiesMerchantSource propertiesSource,
			Environment environment) {
		boolean singleMerchantKeys = propertiesSource != null && propertiesSource.singleMerchant() != null;
		MerchantEntryResolver resolver = ComplaintMerchantsAutoConfiguration.resolver(Binder.get(environment));
		return merchants.definitions()
			.stream()
			.filter((definition) -> !(singleMerchantKeys
					&& definition.name().equals(PropertiesMerchantSource.DEFAULT_NAME)))
			.map((definition) -> new EntryMerchant(definition, resolver.resolve(definition)))
			.toList();
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
		 * @return whether it is set on the entry
		 */
		boolean setsItself(String key) {
			return this.definition.settings().containsKey(key);
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
