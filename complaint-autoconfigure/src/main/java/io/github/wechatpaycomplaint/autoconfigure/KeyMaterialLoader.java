package io.github.wechatpaycomplaint.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Turns a key property into PEM text: the value is either the PEM itself (also with
 * literal {@code \n} escapes, as environment variables often carry it, or only the Base64
 * body without the BEGIN/END lines) or a local resource location ({@code file:},
 * {@code classpath:}, a plain path). Locations that fetch over the network
 * ({@code http:}, {@code https:}, {@code ftp:}, {@code jar:http:}, a {@code file://}
 * network share, ...) are refused: anyone on the way could swap the key. A location must
 * name a regular file (not a directory, FIFO or device, whose reading may block or never
 * end) of at most {@value #MAX_BYTES} bytes.
 */
final class KeyMaterialLoader {

	private static final Pattern BASE64_BODY = Pattern.compile("[A-Za-z0-9+/=\\s]{64,}");

	private static final Pattern RESOURCE_LOCATION = Pattern.compile("^(classpath\\*?:|file:|/|\\./|[A-Za-z]:\\\\).*");

	// A URL scheme of two characters or more: a single letter is a Windows drive
	// (C:\keys\apiclient_key.pem).
	private static final Pattern URL_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):.*", Pattern.DOTALL);

	private static final Pattern FILE_URL_HOST = Pattern.compile("^file://([^/]*).*",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	/**
	 * Most bytes a key, certificate or trust anchor file may have; PEM files of RSA keys
	 * have a few KiB.
	 */
	static final int MAX_BYTES = 64 * 1024;

	private final ResourceLoader resourceLoader;

	KeyMaterialLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	/**
	 * Reads the PEM text a property points at.
	 * @param value the property value
	 * @param property the full property name, for error messages
	 * @param base64Label the PEM label to wrap a bare Base64 body in, e.g.
	 * {@code PRIVATE KEY}
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
		String shown = (secret && !RESOURCE_LOCATION.matcher(text).matches()) ? "(value hidden)" : "'" + text + "'";
		return readLocal(text, property, shown,
				"Set '" + property + "' to a readable PEM file, e.g. file:/etc/wechatpay/" + exampleFile(base64Label)
						+ " or classpath:" + exampleFile(base64Label)
						+ ", or to the PEM text itself (-----BEGIN ...).");
	}

	/**
	 * Reads a local resource: a regular file of at most {@value #MAX_BYTES} bytes, never
	 * a directory, FIFO or device.
	 * @param location the resource location, already checked not to be a network location
	 * @param property the full property name, for error messages
	 * @param shown how the location may be shown in messages
	 * @param fix what to do when it cannot be read
	 * @return the text
	 */
	String readLocal(String location, String property, String shown, String fix) {
		Resource resource = this.resourceLoader.getResource(location);
		if (!resource.exists()) {
			throw new InvalidComplaintPropertyException(property,
					"the resource " + shown + " does not exist, and the value is not PEM text", fix);
		}
		try {
			if (resource.isFile() && !Files.isRegularFile(resource.getFile().toPath())) {
				throw new InvalidComplaintPropertyException(property, "the resource " + shown
						+ " is not a regular file (a directory, FIFO or device cannot hold a PEM file)", fix);
			}
			byte[] bytes;
			try (InputStream in = resource.getInputStream()) {
				bytes = in.readNBytes(MAX_BYTES + 1);
			}
			if (bytes.length > MAX_BYTES) {
				throw new InvalidComplaintPropertyException(property, "the resource " + shown + " is larger than "
						+ (MAX_BYTES / 1024) + " KiB, too large for a " + "PEM file", fix);
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidComplaintPropertyException(property,
					"the resource " + shown + " cannot be read (" + ex.getClass().getSimpleName() + ")",
					"Check that the file exists and that the application may read it.", ex);
		}
	}

	/**
	 * Whether a location is a {@code file:} URL naming another host (a network share).
	 * @param location the location
	 * @return {@code true} for {@code file://host/...} with a host other than
	 * {@code localhost}
	 */
	static boolean isFileOnAnotherHost(String location) {
		Matcher host = FILE_URL_HOST.matcher(location);
		return host.matches() && !host.group(1).isEmpty() && !host.group(1).equalsIgnoreCase("localhost");
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
		if (name.equals("file") && !isFileOnAnotherHost(text)) {
			return;
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
