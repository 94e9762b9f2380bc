package io.github.wechatpaycomplaint.autoconfigure;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * The keys of a merchant entry, relative to
 * {@code wechatpay.complaint.merchants.<name>.}, read from
 * {@link MerchantEntryProperties} the way the Binder binds it (a property with a setter
 * is a key, a read-only nested group is descended into), so that no list is kept by hand.
 * It names a key no entry has, with the closest known key, for the properties (where
 * {@code NoUnboundElementsBindHandler} finds such keys) and for the settings of a
 * {@code MerchantDefinition} as the registry takes it.
 */
final class MerchantEntryKeys {

	private static final List<String> KEYS = keys();

	/**
	 * Every key of an entry, sorted.
	 * @return the keys in dashed form, e.g. {@code client.rate-limit.feedback.permits}
	 */
	static List<String> all() {
		return KEYS;
	}

	/**
	 * Whether an entry has this key, in any relaxed spelling ({@code client.baseUri},
	 * {@code client.base_uri}, ...).
	 * @param key relative to the entry
	 * @return whether it binds
	 */
	static boolean isKnown(String key) {
		ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
		return !name.isEmpty() && KEYS.stream().anyMatch((known) -> ConfigurationPropertyName.of(known).equals(name));
	}

	/**
	 * The known key closest to a mistyped one: the fewest edits, or the only key with the
	 * same last part (a key written under the wrong group).
	 * @param key relative to the entry
	 * @return the closest key, or empty when none is close
	 */
	static Optional<String> closest(String key) {
		String typed = uniform(key);
		Optional<String> nearest = KEYS.stream()
			.min(Comparator.comparingInt((String known) -> distance(typed, uniform(known))))
			.filter((known) -> distance(typed, uniform(known)) <= Math.max(2, typed.length() / 4));
		if (nearest.isPresent()) {
			return nearest;
		}
		String last = typed.substring(typed.lastIndexOf('.') + 1);
		List<String> sameLast = KEYS.stream().filter((known) -> uniform(known).endsWith("." + last)).toList();
		return (sameLast.size() == 1) ? Optional.of(sameLast.get(0)) : Optional.empty();
	}

	/**
	 * The startup error for properties under an entry that bind to nothing.
	 * @param prefix the entry's prefix, {@code wechatpay.complaint.merchants.<name>}
	 * @param properties the full names of the unknown properties
	 * @return the exception, naming the first of them
	 */
	static InvalidComplaintPropertyException unknownProperties(String prefix, Collection<String> properties) {
		List<String> sorted = properties.stream().sorted().toList();
		String first = sorted.get(0);
		String key = first.substring(prefix.length() + 1);
		String others = (sorted.size() > 1) ? " (nor have " + sorted.subList(1, sorted.size()) + ")" : "";
		return new InvalidComplaintPropertyException(first,
				"no merchant entry has the key '" + key + "', so it would be ignored" + others,
				closest(key).map((known) -> "Did you mean '" + prefix + "." + known + "'? ").orElse("Remove it. ")
						+ "An entry takes the single-merchant keys without the "
						+ "'wechatpay.complaint.' prefix, e.g. " + prefix + ".client.endpoint.");
	}

	/**
	 * Checks the settings of a definition.
	 * @param merchantName the entry name
	 * @param settings keyed relative to the entry
	 * @throws IllegalArgumentException for a key no entry has, naming the property and
	 * the closest known key
	 */
	static void check(String merchantName, Map<String, String> settings) {
		for (String key : settings.keySet()) {
			if (!isKnown(key)) {
				String property = MerchantEntryResolver.prefix(merchantName) + "." + key;
				throw new IllegalArgumentException("The setting '" + key + "' (" + property
						+ ") is not a key of a merchant entry and would be ignored"
						+ closest(key).map((known) -> "; did you mean '" + known + "'?").orElse("")
						+ " Settings take the keys of wechatpay.complaint.merchants.<name>., e.g. client.endpoint");
			}
		}
	}

	private static List<String> keys() {
		List<String> keys = new ArrayList<>();
		collect("", MerchantEntryProperties.class, keys);
		keys.sort(null);
		return List.copyOf(keys);
	}

	private static void collect(String prefix, Class<?> type, List<String> keys) {
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			Method getter = property.getReadMethod();
			if (getter == null || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			String key = prefix + DataObjectPropertyName.toDashedForm(property.getName());
			Class<?> valueType = getter.getReturnType();
			if (property.getWriteMethod() != null) {
				keys.add(key);
			}
			else if (!valueType.isEnum()
					&& valueType.getPackageName().equals(MerchantEntryKeys.class.getPackageName())) {
				collect(key + ".", valueType, keys);
			}
		}
	}

	// Compared as the Binder compares names: case and dashes do not count.
	private static String uniform(String key) {
		return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace("[", ".").replace("]", "");
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
