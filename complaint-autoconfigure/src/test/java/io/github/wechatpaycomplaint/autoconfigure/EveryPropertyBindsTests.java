package io.github.wechatpaycomplaint.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.wechatpaycomplaint.observability.NotificationInboxEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public property key the metadata lists binds to the properties class that owns
 * it: the class whose prefix is the longest that the key starts with (two classes may
 * share a prefix; then exactly one of them has the property). A value other than the
 * default, set under the documented key, is what the bound properties then hold. A
 * renamed field or a moved group fails here before it breaks an application's
 * configuration.
 */
class EveryPropertyBindsTests {

	private static final ConversionService CONVERSION = ApplicationConversionService.getSharedInstance();

	/** Every {@code @ConfigurationProperties} class of the starter, by its prefix. */
	private static final Map<String, List<Class<?>>> CLASSES_BY_PREFIX = propertiesClasses();

	private static final String ACTUATOR_ENDPOINT_PREFIX = "management.endpoint." + NotificationInboxEndpoint.ID + ".";

	// Actuator binds the inbox endpoint's properties (access, cache.time-to-live).
	static List<JsonNode> properties() throws IOException {
		List<JsonNode> properties = metadataProperties().stream()
			.filter((property) -> !property.get("name").asString().startsWith(ACTUATOR_ENDPOINT_PREFIX))
			.toList();
		assertThat(properties).hasSizeGreaterThan(40);
		return properties;
	}

	private static List<JsonNode> metadataProperties() throws IOException {
		try (InputStream in = EveryPropertyBindsTests.class.getClassLoader()
			.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
			List<JsonNode> properties = new ArrayList<>();
			new JsonMapper().readTree(in).get("properties").forEach(properties::add);
			return properties;
		}
	}

	@Test
	void theOnlyOtherPropertiesAreActuatorsOfTheInboxEndpoint() throws IOException {
		assertThat(metadataProperties()).extracting((property) -> property.get("name").asString())
			.filteredOn((name) -> !name.startsWith("wechatpay.complaint."))
			.containsExactlyInAnyOrder(ACTUATOR_ENDPOINT_PREFIX + "access",
					ACTUATOR_ENDPOINT_PREFIX + "cache.time-to-live");
	}

	@Test
	void findsEveryPropertiesClass() {
		assertThat(CLASSES_BY_PREFIX.values().stream().flatMap(List::stream)).containsExactlyInAnyOrder(
				ComplaintProperties.class, ComplaintClientProperties.class, ComplaintNotificationProperties.class,
				NotificationDeduplicationProperties.class, NotificationRegistrationProperties.class,
				ComplaintReconciliationProperties.class, ComplaintHealthProperties.class,
				ComplaintMerchantsProperties.class, ComplaintMetricsProperties.class, NotificationInboxProperties.class,
				ComplaintDeadlineProperties.class);
	}

	@Test
	void noPropertiesClassDeclaresAGroupThatAnotherClassBinds() {
		for (String prefix : CLASSES_BY_PREFIX.keySet()) {
			if (prefix.equals(ComplaintProperties.PREFIX)) {
				continue;
			}
			String parent = longestPrefixOf(prefix.substring(0, prefix.lastIndexOf('.')));
			if (parent == null) {
				continue;
			}
			String path = beanPath(prefix.substring(parent.length() + 1));
			for (Class<?> owner : CLASSES_BY_PREFIX.get(parent)) {
				assertThat(PropertyAccessorFactory.forBeanPropertyAccess(BeanUtils.instantiateClass(owner))
					.isReadableProperty(path)).as(owner.getSimpleName() + " also binds " + prefix).isFalse();
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("properties")
	void bindsUnderItsDocumentedKey(JsonNode property) throws ClassNotFoundException {
		String name = property.get("name").asString();
		if (property.get("type").asString().startsWith("java.util.Map<")) {
			bindsAnEntryOfTheMap(name);
			return;
		}
		Class<?> type = ClassUtils.forName(property.get("type").asString(), getClass().getClassLoader());
		String text = valueOtherThanDefault(type, property.path("defaultValue").asString(null));
		String prefix = longestPrefixOf(name);
		assertThat(prefix).as("no properties class binds " + name).isNotNull();
		String path = beanPath(name.substring(prefix.length() + 1));
		List<BeanWrapper> owners = new ArrayList<>();
		for (Class<?> candidate : CLASSES_BY_PREFIX.get(prefix)) {
			Object bound = new Binder(new MapConfigurationPropertySource(Map.of(name, text)))
				.bind(prefix, Bindable.ofInstance(BeanUtils.instantiateClass(candidate)))
				.orElse(null);
			if (bound != null) {
				BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(bound);
				if (wrapper.isReadableProperty(path)) {
					owners.add(wrapper);
				}
			}
		}
		assertThat(owners).as(name + " is bound by exactly one class at " + prefix).hasSize(1);
		assertThat(owners.get(0).getPropertyValue(path)).as(name).isEqualTo(CONVERSION.convert(text, type));
	}

	// A map of entries (merchants.<name>.*): one key of an entry binds into that entry.
	private static void bindsAnEntryOfTheMap(String name) {
		String prefix = longestPrefixOf(name);
		String path = beanPath(name.substring(prefix.length() + 1)) + "[sample].merchant.id";
		List<Object> bound = new ArrayList<>();
		for (Class<?> candidate : CLASSES_BY_PREFIX.get(prefix)) {
			new Binder(new MapConfigurationPropertySource(Map.of(name + ".sample.merchant.id", "1900000009")))
				.bind(prefix, Bindable.ofInstance(BeanUtils.instantiateClass(candidate)))
				.map((properties) -> PropertyAccessorFactory.forBeanPropertyAccess(properties))
				.ifBound((wrapper) -> {
					if (wrapper.isReadableProperty(path)) {
						bound.add(wrapper.getPropertyValue(path));
					}
				});
		}
		assertThat(bound).as(name).containsExactly("1900000009");
	}

	private static Map<String, List<Class<?>>> propertiesClasses() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		Map<String, List<Class<?>>> classes = new TreeMap<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("io.github.wechatpaycomplaint")) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
			String prefix = MergedAnnotations.from(type).get(ConfigurationProperties.class).getString("prefix");
			// Test classes of other tests bind other prefixes.
			if (prefix.startsWith(ComplaintProperties.PREFIX)) {
				classes.computeIfAbsent(prefix, (key) -> new ArrayList<>()).add(type);
			}
		}
		return classes;
	}

	private static String longestPrefixOf(String name) {
		String longest = null;
		for (String prefix : CLASSES_BY_PREFIX.keySet()) {
			if ((name.equals(prefix) || name.startsWith(prefix + "."))
					&& (longest == null || prefix.length() > longest.length())) {
				longest = prefix;
			}
		}
		return longest;
	}

	private static String valueOtherThanDefault(Class<?> type, String defaultValue) {
		if (type == Boolean.class) {
			return String.valueOf(!Boolean.parseBoolean(defaultValue));
		}
		if (type == Integer.class || type == Long.class) {
			return (defaultValue != null) ? String.valueOf(Long.parseLong(defaultValue) + 1) : "3";
		}
		if (type.isEnum()) {
			for (Object constant : type.getEnumConstants()) {
				String constantName = ((Enum<?>) constant).name();
				if (!constantName.equalsIgnoreCase(defaultValue)) {
					return constantName;
				}
			}
		}
		return switch (type.getName()) {
			case "java.time.Duration" -> "7s".equals(defaultValue) ? "8s" : "7s";
			case "java.lang.Double" -> "0.75".equals(defaultValue) ? "0.25" : "0.75";
			case "org.springframework.util.unit.DataSize" -> "3KB";
			case "java.net.URI" -> "https://wechatpay.example.com";
			case "java.lang.String" ->
				"bound-" + Integer.toHexString(defaultValue == null ? 0 : defaultValue.hashCode());
			default -> throw new AssertionError("no test value for " + type.getName() + ": add one");
		};
	}

	// rate-limit.max-wait -> rateLimit.maxWait
	private static String beanPath(String relativeName) {
		String[] segments = relativeName.split("\\.");
		StringBuilder path = new StringBuilder();
		for (String segment : segments) {
			if (!path.isEmpty()) {
				path.append('.');
			}
			String[] words = segment.split("-");
			path.append(words[0]);
			for (int i = 1; i < words.length; i++) {
				path.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
			}
		}
		return path.toString();
	}

}
