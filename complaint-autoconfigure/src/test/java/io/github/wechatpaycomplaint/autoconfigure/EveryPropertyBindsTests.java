package io.github.wechatpaycomplaint.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public property key the metadata lists binds to {@link ComplaintProperties}: a value other than the default,
 * set under the documented key, is what the bound properties then hold. A renamed field or a moved group fails here
 * before it breaks an application's configuration.
 */
class EveryPropertyBindsTests {

	private static final ConversionService CONVERSION = ApplicationConversionService.getSharedInstance();

	static List<JsonNode> properties() throws IOException {
		try (InputStream in = EveryPropertyBindsTests.class.getClassLoader()
			.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
			List<JsonNode> properties = new ArrayList<>();
			new JsonMapper().readTree(in).get("properties").forEach(properties::add);
			assertThat(properties).hasSizeGreaterThan(40);
			return properties;
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("properties")
	void bindsUnderItsDocumentedKey(JsonNode property) throws ClassNotFoundException {
		String name = property.get("name").asString();
		Class<?> type = ClassUtils.forName(property.get("type").asString(), getClass().getClassLoader());
		String text = valueOtherThanDefault(type, property.path("defaultValue").asString(null));
		ComplaintProperties bound = new Binder(new MapConfigurationPropertySource(Map.of(name, text)))
			.bind(ComplaintProperties.PREFIX, Bindable.ofInstance(new ComplaintProperties()))
			.orElseThrow(() -> new AssertionError(name + " bound nothing"));
		BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(bound);
		assertThat(wrapper.getPropertyValue(beanPath(name))).as(name).isEqualTo(CONVERSION.convert(text, type));
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
			case "org.springframework.util.unit.DataSize" -> "3KB";
			case "java.net.URI" -> "https://wechatpay.example.com";
			case "java.lang.String" -> "bound-" + Integer.toHexString(defaultValue == null ? 0 : defaultValue.hashCode());
			default -> throw new AssertionError("no test value for " + type.getName() + ": add one");
		};
	}

	// wechatpay.complaint.client.rate-limit.max-wait -> client.rateLimit.maxWait
	private static String beanPath(String name) {
		String[] segments = name.substring(ComplaintProperties.PREFIX.length() + 1).split("\\.");
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
