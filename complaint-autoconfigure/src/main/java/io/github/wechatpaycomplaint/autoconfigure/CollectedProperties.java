package io.github.wechatpaycomplaint.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * A few properties copied out of the environment, with their origins: binding them walks
 * these names only. Binding a map, or checking for unbound keys, under one merchant
 * entry's prefix walks every property name of every source, so doing it for each of 1,000
 * entries costs N × N; the entries are read once instead and each is bound from its own
 * copy. Values stay raw: placeholders are resolved when bound, as by
 * {@link Binder#get(Environment)}.
 */
final class CollectedProperties implements IterableConfigurationPropertySource {

	private final Map<ConfigurationPropertyName, ConfigurationProperty> properties = new LinkedHashMap<>();

	/**
	 * Walks every property of the environment's enumerable sources once, highest
	 * precedence first.
	 * @param environment the environment
	 * @param action called with each property
	 */
	static void forEach(Environment environment, Consumer<ConfigurationProperty> action) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream().forEach((name) -> {
					ConfigurationProperty property = iterable.getConfigurationProperty(name);
					if (property != null) {
						action.accept(property);
					}
				});
			}
		}
	}

	/**
	 * Adds a property unless a source of higher precedence gave it already.
	 * @param property the property
	 */
	void add(ConfigurationProperty property) {
		this.properties.putIfAbsent(property.getName(), property);
	}

	boolean isEmpty() {
		return this.properties.isEmpty();
	}

	/**
	 * A binder of these properties alone.
	 * @param environment resolves placeholders in the values
	 * @return the binder
	 */
	Binder binder(Environment environment) {
		return new Binder(List.of(this), new PropertySourcesPlaceholdersResolver(environment));
	}

	@Override
	public @Nullable ConfigurationProperty getConfigurationProperty(ConfigurationPropertyName name) {
		return this.properties.get(name);
	}

	@Override
	public Stream<ConfigurationPropertyName> stream() {
		return this.properties.keySet().stream();
	}

}
