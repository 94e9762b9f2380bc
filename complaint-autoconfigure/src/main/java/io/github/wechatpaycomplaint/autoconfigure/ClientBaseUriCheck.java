package io.github.wechatpaycomplaint.autoconfigure;

import java.net.URI;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@code client.base-uri} and {@code client.failover.backup-base-uri} at startup,
 * so that a typo such as {@code htp://} stops the application instead of the first call,
 * and plain http is only used when the application opts in with
 * {@code client.allow-insecure-http}.
 */
final class ClientBaseUriCheck {

	private static final Log logger = LogFactory.getLog(ClientBaseUriCheck.class);

	private static final String CLIENT = ComplaintClientProperties.PREFIX + ".";

	static final String ALLOW_INSECURE_HTTP = CLIENT + "allow-insecure-http";

	private ClientBaseUriCheck() {
	}

	/**
	 * Checks the URIs that are set, and warns when plain http is allowed and in use.
	 * @param client the client properties
	 * @throws InvalidComplaintPropertyException naming the property and the fix
	 */
	static void check(ComplaintClientProperties client) {
		check(client, ComplaintClientProperties.PREFIX);
	}

	/**
	 * Checks the URIs of client properties bound under a prefix.
	 * @param client the client properties
	 * @param prefix e.g. {@code wechatpay.complaint.merchants.hk.client}
	 * @throws InvalidComplaintPropertyException naming the property and the fix
	 */
	static void check(ComplaintClientProperties client, String prefix) {
		check(client, prefix, true);
	}

	/**
	 * Checks the URIs of client properties bound under a prefix.
	 * @param client the client properties
	 * @param prefix e.g. {@code wechatpay.complaint.merchants.hk.client}
	 * @param warnInsecure whether to warn about plain http in use; {@code false} for URIs
	 * another check has warned about
	 * @throws InvalidComplaintPropertyException naming the property and the fix
	 */
	static void check(ComplaintClientProperties client, String prefix, boolean warnInsecure) {
		String clientPrefix = prefix + ".";
		boolean baseInsecure = check(client.getBaseUri(), clientPrefix + "base-uri", client.isAllowInsecureHttp());
		boolean backupInsecure = check(client.getFailover().getBackupBaseUri(),
				clientPrefix + "failover.backup-base-uri", client.isAllowInsecureHttp());
		if (warnInsecure && (baseInsecure || backupInsecure)) {
			String base = "'" + clientPrefix + "base-uri'";
			String backup = "'" + clientPrefix + "failover.backup-base-uri'";
			String properties = (baseInsecure && backupInsecure) ? base + " and " + backup + " use"
					: (baseInsecure ? base : backup) + " uses";
			logger.warn("'" + ALLOW_INSECURE_HTTP + "' is true and " + properties + " plain http: requests to WeChat "
					+ "Pay and its answers can be read and changed on the way. Use this only with a local simulator or "
					+ "test stand-in, never in production.");
		}
	}

	/**
	 * Checks one URI.
	 * @return whether it is set and uses plain http
	 */
	private static boolean check(@Nullable URI uri, String property, boolean allowInsecureHttp) {
		if (uri == null) {
			return false;
		}
		// The value is shown only when it carries no user info: that part may hold a
		// password.
		if (uri.getRawUserInfo() != null) {
			throw new InvalidComplaintPropertyException(property, "the URI contains user info (user:password@)",
					"Remove the user info from '" + property + "': WeChat Pay authenticates requests by their "
							+ "signature, and credentials in a URI end up in logs.");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (scheme == null || !(scheme.equals("https") || scheme.equals("http"))) {
			throw new InvalidComplaintPropertyException(property,
					"'" + uri + "' " + ((scheme != null) ? "has the scheme '" + uri.getScheme() + "'" : "has no scheme")
							+ "; it must start with https://",
					"Set '" + property + "' to an absolute https URI such as https://api.mch.weixin.qq.com, or remove "
							+ "it to call the host of 'wechatpay.complaint.client.endpoint'.");
		}
		if (uri.getHost() == null) {
			throw new InvalidComplaintPropertyException(property, "'" + uri + "' has no valid host name",
					"Set '" + property + "' to scheme and host, e.g. https://api.mch.weixin.qq.com (host names "
							+ "may not contain '_').");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new InvalidComplaintPropertyException(property,
					"'" + uri + "' has a query or fragment (?... or #...)",
					"Set '" + property + "' to scheme, host, optional port and path only, e.g. "
							+ "https://api.mch.weixin.qq.com; the starter appends the API paths itself.");
		}
		if (scheme.equals("http") && !allowInsecureHttp) {
			throw new InvalidComplaintPropertyException(property,
					"'" + uri + "' uses plain http: anyone on the network path could read and change the requests "
							+ "and WeChat Pay's answers",
					"Use an https URI, e.g. https://api.mch.weixin.qq.com. For a local simulator or test stand-in "
							+ "only, set '" + ALLOW_INSECURE_HTTP + "=true'.");
		}
		return scheme.equals("http");
	}

}
