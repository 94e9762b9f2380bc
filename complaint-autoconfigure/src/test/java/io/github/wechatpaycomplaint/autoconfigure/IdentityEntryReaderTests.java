package io.github.wechatpaycomplaint.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.wechatpaycomplaint.multimerchant.MerchantDefinition;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link IdentityEntryReader}: entries that set only their identity, after the
 * first, are read without binding a whole entry, with the same result, and anything
 * unusual is left to the full resolution, which names the property.
 */
class IdentityEntryReaderTests {

	private static final String PREFIX = "wechatpay.complaint.merchants.";

	@Test
	void entriesAfterTheFirstGiveTheDefinitionsTheFullResolutionGives() {
		Map<String, Object> properties = identity("a", "1900000001");
		properties.putAll(identity("b", "1900000002"));
		properties.putAll(identity("c", "1900000003"));
		// As YAML gives an unquoted number, and through a placeholder.
		properties.put(PREFIX + "b.merchant.id", 1900000002L);
		properties.put(PREFIX + "c.merchant.id", "${c-id}");
		properties.put("c-id", "1900000003");
		properties.put(PREFIX + "c.platform-certificates.enabled", "true");
		List<MerchantDefinition> read = List.copyOf(source(properties).merchants());
		List<MerchantDefinition> resolvedOneByOne = new ArrayList<>();
		for (String name : List.of("a", "b", "c")) {
			Map<String, Object> alone = new LinkedHashMap<>();
			properties.forEach((key, value) -> {
				if (!key.startsWith(PREFIX) || key.startsWith(PREFIX + name + ".")) {
					alone.put(key, value);
				}
			});
			resolvedOneByOne.addAll(source(alone).merchants());
		}
		assertThat(read).isEqualTo(resolvedOneByOne);
		assertThat(read.get(1).merchantId()).isEqualTo("1900000002");
		assertThat(read.get(2).merchantId()).isEqualTo("1900000003");
		assertThat(read.get(2).platformCertificates()).isTrue();
	}

	@Test
	void aLaterEntryMissingAKeyIsNamedAsTheFirstWouldBe() {
		Map<String, Object> properties = identity("a", "1900000001");
		properties.putAll(identity("b", "1900000002"));
		properties.remove(PREFIX + "b.merchant.api-v3-key");
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> source(properties))
			.satisfies((ex) -> assertThat(ex.getName()).hasToString(PREFIX + "b"))
			.withStackTraceContaining("apiV3Key");
	}

	@Test
	void aLaterEntryWithAMistypedKeyIsNamed() {
		Map<String, Object> properties = identity("a", "1900000001");
		properties.putAll(identity("b", "1900000002"));
		properties.put(PREFIX + "b.merchant.idd", "1900000002");
		assertThatExceptionOfType(InvalidComplaintPropertyException.class).isThrownBy(() -> source(properties))
			.withMessageContaining(PREFIX + "b.merchant.idd");
	}

	@Test
	void aLaterEntryWithABadSwitchIsNamed() {
		Map<String, Object> properties = identity("a", "1900000001");
		properties.putAll(identity("b", "1900000002"));
		properties.put(PREFIX + "b.platform-certificates.enabled", "sometimes");
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> source(properties))
			.satisfies((ex) -> assertThat(ex.getProperty().getName().toString())
				.isEqualTo(PREFIX + "b.platform-certificates.enabled"));
	}

	@Test
	void leavesToTheFullResolutionWhatItDoesNotPlainlyRead() {
		Map<String, Object> properties = identity("b", "1900000002");
		assertThat(
				read(properties,
						List.of("merchant.id", "merchant.certificate-serial-number", "merchant.private-key",
								"merchant.api-v3-key", "wechatpay-public-key.id", "wechatpay-public-key.key")))
			.isNotNull();
		assertThat(read(properties, null)).as("a key not in canonical form").isNull();
		assertThat(read(properties, List.of("merchant.id", "client.endpoint"))).as("a setting").isNull();
		assertThat(read(properties, List.of("merchant.id", "merchant.private-key", "merchant.api-v3-key")))
			.as("a required key missing")
			.isNull();
		properties.put(PREFIX + "b.platform-certificates.enabled", "sometimes");
		assertThat(read(properties,
				List.of("merchant.id", "merchant.certificate-serial-number", "merchant.private-key",
						"merchant.api-v3-key", "platform-certificates.enabled")))
			.as("a value that does not convert")
			.isNull();
	}

	private static MerchantEntryProperties read(Map<String, Object> properties, List<String> keys) {
		StandardEnvironment environment = environment(properties);
		return IdentityEntryReader.read(PREFIX + "b", keys, ConfiguredMerchants.read(environment).entry("b"));
	}

	private static PropertiesMerchantSource source(Map<String, Object> properties) {
		StandardEnvironment environment = environment(properties);
		ComplaintProperties global = Binder.get(environment)
			.bindOrCreate(ComplaintProperties.PREFIX, ComplaintProperties.class);
		return new PropertiesMerchantSource(ConfiguredMerchants.read(environment), global,
				ComplaintMerchantsAutoConfiguration.resolver(environment), new DefaultResourceLoader());
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

	// The vectors' keys under another merchant id and public key id.
	private static Map<String, Object> identity(String name, String merchantId) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String property : Vectors.merchantProperties()) {
			String key = property.substring(0, property.indexOf('='))
				.replaceFirst("^wechatpay\\.complaint\\.", PREFIX + name + ".");
			properties.put(key, property.substring(property.indexOf('=') + 1));
		}
		properties.put(PREFIX + name + ".merchant.id", merchantId);
		properties.put(PREFIX + name + ".wechatpay-public-key.id", "PUB_KEY_ID_" + merchantId);
		return properties;
	}

}
