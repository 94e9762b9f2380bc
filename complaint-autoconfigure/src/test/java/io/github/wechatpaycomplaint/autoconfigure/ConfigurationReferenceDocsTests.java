package io.github.wechatpaycomplaint.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration reference pages ({@code docs/en/configuration.md},
 * {@code docs/zh-CN/configuration.md}) are generated from the configuration metadata the
 * jar ships, and this test fails when they are stale. Regenerate them with
 * {@value #REGENERATE}. The Chinese descriptions come from
 * {@code docs/zh-CN/configuration-descriptions.properties}; a property without one fails
 * the test too.
 */
class ConfigurationReferenceDocsTests {

	static final String REGENERATE = "./mvnw -pl complaint-autoconfigure test -Dtest=ConfigurationReferenceDocsTests "
			+ "-Ddocs.update=true";

	private static final String BEGIN = "<!-- BEGIN GENERATED: configuration reference -->";

	private static final String END = "<!-- END GENERATED -->";

	private static final Path DOCS = Path.of("..", "docs");

	private final TreeMap<String, JsonNode> properties = readProperties();

	@Test
	void englishReferenceIsCurrent() throws IOException {
		StringBuilder table = new StringBuilder("| property | default | description |\n|---|---|---|\n");
		this.properties.forEach((name, property) -> table.append(row(name, property, description(property))));
		check(DOCS.resolve("en/configuration.md"), table.toString());
	}

	@Test
	void chineseReferenceIsCurrentAndEveryPropertyHasAChineseDescription() throws IOException {
		Properties chinese = new Properties();
		try (Reader reader = Files.newBufferedReader(DOCS.resolve("zh-CN/configuration-descriptions.properties"),
				StandardCharsets.UTF_8)) {
			chinese.load(reader);
		}
		List<String> missing = new ArrayList<>(this.properties.keySet());
		missing.removeAll(chinese.stringPropertyNames());
		assertThat(missing)
			.as("properties without a Chinese description in " + "docs/zh-CN/configuration-descriptions.properties")
			.isEmpty();
		List<String> unknown = new ArrayList<>(chinese.stringPropertyNames());
		unknown.removeAll(this.properties.keySet());
		assertThat(unknown).as("Chinese descriptions of properties that no longer exist").isEmpty();
		StringBuilder table = new StringBuilder("| 属性 | 默认值 | 说明 |\n|---|---|---|\n");
		this.properties.forEach((name, property) -> table.append(row(name, property, chinese.getProperty(name))));
		check(DOCS.resolve("zh-CN/configuration.md"), table.toString());
	}

	private static String row(String name, JsonNode property, String description) {
		String defaultValue = property.has("defaultValue") ? "`" + property.get("defaultValue").asString() + "`" : "";
		return "| `" + name + "` | " + defaultValue + " | " + description.replace("|", "\\|").replace("\n", " ")
				+ " |\n";
	}

	private static String description(JsonNode property) {
		return property.path("description").asString("");
	}

	private static void check(Path page, String table) throws IOException {
		String text = Files.readString(page);
		int begin = text.indexOf(BEGIN);
		int end = text.indexOf(END);
		assertThat(begin).as(page + " has the markers " + BEGIN + " and " + END).isNotNegative();
		assertThat(end).as(page + " has the markers " + BEGIN + " and " + END).isGreaterThan(begin);
		String generated = text.substring(0, begin + BEGIN.length()) + "\n" + table + text.substring(end);
		if (Boolean.getBoolean("docs.update")) {
			Files.writeString(page, generated);
			return;
		}
		assertThat(text).as(page + " is stale; regenerate it with " + REGENERATE).isEqualTo(generated);
	}

	private static TreeMap<String, JsonNode> readProperties() {
		TreeMap<String, JsonNode> properties = new TreeMap<>();
		try (InputStream in = ConfigurationReferenceDocsTests.class.getClassLoader()
			.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
			assertThat(in).isNotNull();
			for (JsonNode property : new JsonMapper().readTree(in).get("properties")) {
				properties.put(property.get("name").asString(), property);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return properties;
	}

}
