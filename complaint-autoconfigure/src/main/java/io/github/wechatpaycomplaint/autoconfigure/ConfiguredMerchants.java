package io.github.wechatpaycomplaint.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchantSource;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;

/**
 * Which merchants the properties configure: the single-merchant keys
 * ({@code wechatpay.complaint.merchant.*}) and the names under
 * {@code wechatpay.complaint.merchants}. Read without binding types, so that a bad value
 * is reported where it is bound, with its property name.
 */
final class ConfiguredMerchants {

	static final String MERCHANT = ComplaintProperties.PREFIX + ".merchant";

	static final String MERCHANTS = ComplaintProperties.PREFIX + ".merchants";

	private static final Bindable<Map<String, String>> FLAT = Bindable.mapOf(String.class, String.class);

	private ConfiguredMerchants() {
	}

	/**
	 * Whether any single-merchant key is set.
	 * @param environment the environment
	 * @return whether a {@code wechatpay.complaint.merchant.*} key is set
	 */
	static boolean singleMerchantSet(Environment environment) {
		return !Binder.get(environment).bind(MERCHANT, FLAT).orElse(Map.of()).isEmpty();
	}

	/**
	 * The entry names under {@code wechatpay.complaint.merchants}, in configuration
	 * order.
	 * @param binder the binder
	 * @return the names as written
	 */
	static Set<String> entryNames(Binder binder) {
		Set<String> names = new LinkedHashSet<>();
		binder.bind(MERCHANTS, FLAT).orElse(Map.of()).keySet().forEach((key) -> {
			int dot = key.indexOf('.');
			names.add((dot < 0) ? key : key.substring(0, dot));
		});
		return names;
	}

	/**
	 * How many {@link WechatPayMerchantSource} beans are defined so far, the properties'
	 * own source included once it is registered.
	 * @param context the condition context
	 * @return the number of source beans
	 */
	static int merchantSourceBeans(ConditionContext context) {
		return (context.getBeanFactory() != null)
				? context.getBeanFactory().getBeanNamesForType(WechatPayMerchantSource.class, true, false).length : 0;
	}

	/**
	 * Whether a flag is on globally ({@code wechatpay.complaint.<key>}) or in any entry
	 * ({@code wechatpay.complaint.merchants.<name>.<key>}).
	 * @param binder the binder
	 * @param key the flag, relative to {@code wechatpay.complaint}, e.g.
	 * {@code reconciliation.enabled}
	 * @return whether some merchant has it on
	 */
	static boolean flagOnAnywhere(Binder binder, String key) {
		if (binder.bind(ComplaintProperties.PREFIX + "." + key, Boolean.class).orElse(false)) {
			return true;
		}
		return binder.bind(MERCHANTS, FLAT)
			.orElse(Map.of())
			.entrySet()
			.stream()
			.anyMatch((property) -> property.getKey().endsWith("." + key)
					&& Boolean.parseBoolean(property.getValue().strip()));
	}

}
