package io.github.wechatpaycomplaint.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Turns a key property into PEM text: the value is either the PEM itself (also with literal {@code \n} escapes, as
 * environment variables often carry it, or only the Base64 body without the BEGIN/END lines) or a resource location
 * ({@code file:}, {@code classpath:}, a plain path).
 */
final class KeyMaterialLoader {

	private static final Pattern BASE64_BODY = Pattern.compile("[A-Za-z0-9+/=\\s]{64,}");

	private static final Pattern RESOURCE_LOCATION = Pattern.compile("^(classpath\\*?:|file:|https?:|/|\\./|[A-Za-z]:\\\\).*");

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
							+ (secret ? "apiclient_key.pem" : "pub_key.pem") + " or classpath:"
							+ (secret ? "apiclient_key.pem" : "pub_key.pem")
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

}
