package io.github.wechatpaycomplaint.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import org.jspecify.annotations.Nullable;

/**
 * The {@code wechatpay.complaint.*} properties that point an application at a simulator
 * (the single-merchant keys, or an entry under {@code wechatpay.complaint.merchants} for
 * each merchant), and the {@code .properties} file that holds them.
 *
 * @since 0.1.0
 */
final class ApplicationProperties {

	private static final String PREFIX = "wechatpay.complaint.";

	private ApplicationProperties() {
	}

	static Map<String, String> of(SimulatorKeys keys, String baseUri, boolean certificateMode) {
		return of(PREFIX, keys, null, baseUri, certificateMode);
	}

	/**
	 * The properties of one merchant entry.
	 * @param merchant the merchant
	 * @param baseUri the simulator's base URI
	 * @return {@code wechatpay.complaint.merchants.<name>.*}
	 */
	static Map<String, String> entry(MerchantSetup merchant, String baseUri) {
		return of(PREFIX + "merchants." + merchant.name() + ".", merchant.keys(), merchant.region(), baseUri,
				merchant.certificateMode());
	}

	private static Map<String, String> of(String prefix, SimulatorKeys keys, @Nullable MerchantRegion region,
			String baseUri, boolean certificateMode) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(prefix + "merchant.id", keys.merchantId());
		properties.put(prefix + "merchant.certificate-serial-number", keys.merchantSerial());
		properties.put(prefix + "merchant.private-key", keys.merchantPrivateKeyPem());
		properties.put(prefix + "merchant.api-v3-key", keys.apiV3Key());
		if (certificateMode) {
			properties.put(prefix + "platform-certificates.enabled", "true");
			// The simulator's platform certificate is issued by its own CA, not by the
			// Tenpay.com Root CA.
			properties.put(prefix + "platform-certificates.trust-anchor", keys.platformCaCertificatePem());
		}
		else {
			properties.put(prefix + "wechatpay-public-key.id", keys.publicKeyId());
			properties.put(prefix + "wechatpay-public-key.key", keys.wechatpayPublicKeyPem());
		}
		if (region == MerchantRegion.HONG_KONG) {
			// The /v3/global paths; the host is still the simulator's base URI.
			properties.put(prefix + "client.endpoint", "HONG_KONG");
		}
		properties.put(prefix + "client.base-uri", baseUri);
		// The simulator listens on plain http; the starter refuses that unless told
		// explicitly.
		properties.put(prefix + "client.allow-insecure-http", "true");
		return properties;
	}

	static Path write(Map<String, String> properties, Path file) {
		StringBuilder text = new StringBuilder();
		text.append("# Written by the WeChat Pay complaint simulator: throw-away keys, valid while it runs.\n");
		text.append("# Use with --spring.config.import=optional:file:").append(file.toAbsolutePath()).append('\n');
		properties.forEach((key, value) -> text.append(key).append('=').append(escape(value)).append('\n'));
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			return Files.writeString(file, text, StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The properties file " + file + " cannot be written", ex);
		}
	}

	private static String escape(String value) {
		return value.strip().replace("\\", "\\\\").replace("\r", "").replace("\n", "\\n");
	}

}
