package io.github.wechatpaycomplaint.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Turns a key property into PEM text: the value is either the PEM itself (also with literal {@code \n} escapes, as
 * environment variables often carry it, or only the Base64 body without the BEGIN/END lines) or a local resource
 * location ({@code file:}, {@code classpath:}, a plain path). Locations that fetch over the network ({@code http:},
 * {@code https:}, {@code ftp:}, {@code jar:http:}, a {@code file://} network share, ...) are refused: anyone on the way
 * could swap the key.
 */
final class KeyMaterialLoader {

	private static final Pattern BASE64_BODY = Pattern.compile("[A-Za-z0-9+/=\\s]{64,}");

	private static final Pattern RESOURCE_LOCATION = Pattern.compile("^(classpath\\*?:|file:|/|\\./|[A-Za-z]:\\\\).*");

	// A URL scheme of two characters or more: a single letter is a Windows drive (C:\keys\apiclient_key.pem).
	private static final Pattern URL_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):.*", Pattern.DOTALL);

	private static final Pattern FILE_URL_HOST = Pattern.compile("^file://([^/]*).*", Pattern.DOTALL);

	private final ResourceLoader resourceLoader;

	KeyMaterialLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	/**
	 * Reads the PEM text a property points at.
	 * @param value the property value
	 * @param property the full property name, for error messages
	 * @param base64Label the PEM label to wrap a bare Base64 body in, e.g. {@code PRIVATE KEY}
	 * @param secret whether the value is a secret that must never be echoed
	 * @return the PEM text
	 */
	String readPem(String value, String property, String base64Label, boolean secret) {
		String text = value.strip();
		if (text.contains("-----BEGIN")) {
			return text.replace("\\n", "\n");
		}
		refuseNetworkLocation(text, property, exampleFile(base64Label));
		if (!RESOURCE_LOCATION.matcher(text).matches() && BASE64_BODY.matcher(text).matches()) {
			return "-----BEGIN " + base64Label + "-----\n" + text.replaceAll("\\s", "") + "\n-----END " + base64Label
					+ "-----\n";
		}
		Resource resource = this.resourceLoader.getResource(text);
		String shown = (secret && !RESOURCE_LOCATION.matcher(text).matches()) ? "(value hidden)" : "'" + text + "'";
		if (!resource.exists()) {
			throw new InvalidComplaintPropertyException(property,
					"the resource " + shown + " does not exist, and the value is not PEM text",
					"Set '" + property + "' to a readable PEM file, e.g. file:/etc/wechatpay/"
							+ exampleFile(base64Label) + " or classpath:" + exampleFile(base64Label)
							+ ", or to the PEM text itself (-----BEGIN ...).");
		}
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidComplaintPropertyException(property,
					"the resource " + shown + " cannot be read (" + ex.getClass().getSimpleName() + ")",
					"Check that the file exists and that the application may read it.", ex);
		}
	}

	private static String exampleFile(String base64Label) {
		return switch (base64Label) {
			case "PRIVATE KEY" -> "apiclient_key.pem";
			case "CERTIFICATE" -> "apiclient_cert.pem";
			default -> "pub_key.pem";
		};
	}

	// Only the scheme is shown: the rest of a URL may carry a token or a password.
	private static void refuseNetworkLocation(String text, String property, String file) {
		Matcher scheme = URL_SCHEME.matcher(text);
		if (!scheme.matches()) {
			return;
		}
		String name = scheme.group(1).toLowerCase(Locale.ROOT);
		if (name.equals("classpath")) {
			return;
		}
		if (name.equals("file")) {
			Matcher host = FILE_URL_HOST.matcher(text);
			if (!host.matches() || host.group(1).isEmpty() || host.group(1).equalsIgnoreCase("localhost")) {
				return;
			}
		}
		throw new InvalidComplaintPropertyException(property,
				"key material must not be fetched over the network, but the value is a '" + scheme.group(1)
						+ ":' location" + (name.equals("file") ? " on another host" : "")
						+ ": anyone on the way could swap the key",
				"Copy the PEM file to this machine and set '" + property + "' to a local location, e.g. "
						+ "file:/etc/wechatpay/" + file + " or classpath:" + file + ", or to the PEM text itself "
						+ "(-----BEGIN ...) or its Base64 body.");
	}

}
