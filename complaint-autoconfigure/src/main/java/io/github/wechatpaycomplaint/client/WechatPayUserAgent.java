package io.github.wechatpaycomplaint.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

/**
 * The {@code User-Agent} WeChat Pay requires on every call, naming this starter and its
 * version, e.g.
 * {@code wechatpay-complaint-spring-boot/0.1.0 (Linux/6.1; amd64) Java/17.0.15}.
 *
 * @since 0.1.0
 */
public final class WechatPayUserAgent {

	/** Product token of this starter. */
	public static final String PRODUCT = "wechatpay-complaint-spring-boot";

	private static final String VERSION_RESOURCE = "META-INF/wechatpay-complaint-version.properties";

	private WechatPayUserAgent() {
	}

	/**
	 * The starter's version, read from a resource written at build time.
	 * @return the version, or {@code unknown}
	 */
	public static String version() {
		try (InputStream in = WechatPayUserAgent.class.getClassLoader().getResourceAsStream(VERSION_RESOURCE)) {
			if (in != null) {
				Properties properties = new Properties();
				properties.load(in);
				String version = properties.getProperty("version", "").strip();
				if (!version.isEmpty() && !version.startsWith("${")) {
					return version;
				}
			}
		}
		catch (IOException ex) {
			// fall through: the version is informational only
		}
		return "unknown";
	}

	/**
	 * The full {@code User-Agent} value.
	 * @return the value
	 */
	public static String value() {
		return PRODUCT + "/" + version() + " (" + System.getProperty("os.name", "unknown") + "/"
				+ System.getProperty("os.version", "unknown") + "; "
				+ System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT) + ") Java/"
				+ System.getProperty("java.version", "unknown");
	}

}
