package io.github.wechatpaycomplaint.autoconfigure;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchantSource;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Which merchants the properties configure: the single-merchant keys
 * ({@code wechatpay.complaint.merchant.*}) and the entries under
 * {@code wechatpay.complaint.merchants}, each with its own properties. Read in one walk
 * over the property names, without binding types, so that a bad value is reported where
 * it is bound, with its property name.
 */
final class ConfiguredMerchants {

	static final String MERCHANT = ComplaintProperties.PREFIX + ".merchant";

	static final String MERCHANTS = ComplaintProperties.PREFIX + ".merchants";

	private static final ConfigurationPropertyName MERCHANT_NAME = ConfigurationPropertyName.of(MERCHANT);

	private static final ConfigurationPropertyName MERCHANTS_NAME = ConfigurationPropertyName.of(MERCHANTS);

	// The conditions of one context ask several times while its configuration is read:
	// read the properties once per bean factory, while its environment's sources stay the
	// same. What is kept is a few counts, not the entries: the bean factory lives as long
	// as the application.
	private static final Map<ConfigurableListableBeanFactory, Summary> CACHE = Collections
		.synchronizedMap(new WeakHashMap<>());

	private final Environment environment;

	private final boolean singleMerchantSet;

	private final Map<String, CollectedProperties> entries;

	private ConfiguredMerchants(Environment environment, boolean singleMerchantSet,
			Map<String, CollectedProperties> entries) {
		this.environment = environment;
		this.singleMerchantSet = singleMerchantSet;
		this.entries = entries;
	}

	/**
	 * Reads the merchants of an environment.
	 * @param environment the environment
	 * @return its merchants as they are now
	 */
	static ConfiguredMerchants read(Environment environment) {
		boolean[] single = new boolean[1];
		Map<String, CollectedProperties> entries = new LinkedHashMap<>();
		int entryElement = MERCHANTS_NAME.getNumberOfElements();
		CollectedProperties.forEach(environment, (property) -> {
			ConfigurationPropertyName name = property.getName();
			if (MERCHANTS_NAME.isAncestorOf(name)) {
				entries
					.computeIfAbsent(name.getElement(entryElement, Form.ORIGINAL), (key) -> new CollectedProperties())
					.add(property);
			}
			else if (MERCHANT_NAME.isAncestorOf(name)) {
				single[0] = true;
			}
		});
		return new ConfiguredMerchants(environment, single[0], entries);
	}

	/**
	 * What the conditions ask of a condition's environment, read once for the context
	 * being configured.
	 * @param context the condition context
	 * @return the summary
	 */
	static Summary of(ConditionContext context) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		Environment environment = context.getEnvironment();
		if (beanFactory == null || !(environment instanceof ConfigurableEnvironment configurable)) {
			return read(environment).summary(List.of());
		}
		List<PropertySource<?>> sources = configurable.getPropertySources().stream().toList();
		Summary summary = CACHE.get(beanFactory);
		if (summary == null || !summary.readFrom(sources)) {
			summary = read(environment).summary(sources);
			CACHE.put(beanFactory, summary);
		}
		return summary;
	}

	/**
	 * Whether an entry sets anything but its identity, so that its settings need binding.
	 * @param name the entry name
	 * @return {@code true} unless every key is plainly an identity key
	 */
	boolean hasSettings(String name) {
		List<String> keys = canonicalKeys(name);
		// Not in canonical form: binding tells.
		return keys == null || keys.stream().anyMatch(MerchantEntryResolver::isSetting);
	}

	/**
	 * An entry's keys relative to the entry, when every one is in canonical form and
	 * without an index.
	 * @param name the entry name
	 * @return the keys, e.g. {@code merchant.id}, or {@code null} when some key is
	 * written otherwise (binding must read it)
	 */
	@Nullable List<String> canonicalKeys(String name) {
		CollectedProperties entry = this.entries.get(name);
		if (entry == null) {
			return List.of();
		}
		int first = MERCHANTS_NAME.getNumberOfElements() + 1;
		List<String> keys = new ArrayList<>();
		for (ConfigurationPropertyName property : (Iterable<ConfigurationPropertyName>) entry.stream()::iterator) {
			StringBuilder key = new StringBuilder();
			for (int i = first; i < property.getNumberOfElements(); i++) {
				String element = property.getElement(i, Form.ORIGINAL);
				if (property.isNumericIndex(i) || !element.equals(property.getElement(i, Form.DASHED))) {
					return null;
				}
				key.append((i > first) ? "." : "").append(element);
			}
			keys.add(key.toString());
		}
		return keys;
	}

	/**
	 * Whether any single-merchant key is set.
	 * @return whether a {@code wechatpay.complaint.merchant.*} key is set
	 */
	boolean singleMerchantSet() {
		return this.singleMerchantSet;
	}

	/**
	 * The entry names under {@code wechatpay.complaint.merchants}, in configuration
	 * order.
	 * @return the names as written
	 */
	Set<String> entryNames() {
		return Collections.unmodifiableSet(this.entries.keySet());
	}

	/**
	 * A binder of one entry's own properties, with their origins.
	 * @param name the entry name
	 * @return binds {@code wechatpay.complaint.merchants.<name>.*} and nothing else
	 */
	Binder entry(String name) {
		CollectedProperties entry = this.entries.get(name);
		return (entry != null) ? entry.binder(this.environment) : new CollectedProperties().binder(this.environment);
	}

	// The relative names of the switches ("...enabled") that some entry turns on.
	private Set<ConfigurationPropertyName> switchesOn() {
		Set<ConfigurationPropertyName> on = new HashSet<>();
		this.entries.forEach((name, properties) -> {
			ConfigurationPropertyName prefix = ConfigurationPropertyName.of(MerchantEntryResolver.prefix(name));
			Binder binder = properties.binder(this.environment);
			properties.stream()
				.filter((property) -> property.getLastElement(Form.UNIFORM).equals("enabled"))
				.filter((property) -> binder.bind(property, Bindable.of(String.class))
					.map((value) -> Boolean.parseBoolean(value.strip()))
					.orElse(false))
				.forEach((property) -> on.add(property.subName(prefix.getNumberOfElements())));
		});
		return on;
	}

	private Summary summary(List<PropertySource<?>> sources) {
		return new Summary(sources.stream().map((source) -> new WeakReference<PropertySource<?>>(source)).toList(),
				this.singleMerchantSet, this.entries.size(), switchesOn());
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
	 * The merchants as the conditions see them.
	 *
	 * @param sources the property sources read, compared by identity; held weakly, as a
	 * source can lead back to the context and so to the bean factory that keys the cache
	 * @param singleMerchantSet whether a {@code wechatpay.complaint.merchant.*} key is
	 * set
	 * @param entries how many entries {@code wechatpay.complaint.merchants} has
	 * @param switchesOn the switches, relative to an entry, that some entry turns on
	 */
	record Summary(List<WeakReference<PropertySource<?>>> sources, boolean singleMerchantSet, int entries,
			Set<ConfigurationPropertyName> switchesOn) {

		private boolean readFrom(List<PropertySource<?>> current) {
			if (this.sources.size() != current.size()) {
				return false;
			}
			for (int i = 0; i < current.size(); i++) {
				if (this.sources.get(i).get() != current.get(i)) {
					return false;
				}
			}
			return true;
		}

		/**
		 * Whether a switch is on globally ({@code wechatpay.complaint.<key>}) or in any
		 * entry ({@code wechatpay.complaint.merchants.<name>.<key>}).
		 * @param environment the environment
		 * @param key the switch, relative to {@code wechatpay.complaint}, e.g.
		 * {@code reconciliation.enabled}
		 * @return whether some merchant has it on
		 */
		boolean switchOnAnywhere(Environment environment, String key) {
			return Binder.get(environment).bind(ComplaintProperties.PREFIX + "." + key, Boolean.class).orElse(false)
					|| this.switchesOn.contains(ConfigurationPropertyName.of(key));
		}

	}

}
