package io.github.wechatpaycomplaint.autoconfigure;

import io.github.wechatpaycomplaint.notification.ComplaintNotificationEndpoint;

/**
 * The paths of the notification endpoint: the shared {@code notification.path}, where the
 * {@code Wechatpay-Serial} header names the merchant, and {@code <path>/<name>} for each
 * merchant entry.
 */
final class NotificationPaths {

	private final String shared;

	NotificationPaths(String path) {
		// "/a/" and "/a" are one path to Spring MVC's matching; the merchant's path must
		// not get a double slash.
		this.shared = (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

	/** The shared path, as configured (without a trailing slash). */
	String shared() {
		return this.shared;
	}

	/** The route pattern of the merchants' paths. */
	String merchantPattern() {
		return merchantPath("{" + ComplaintNotificationEndpoint.MERCHANT_VARIABLE + "}");
	}

	/** The path of one merchant. */
	String merchantPath(String name) {
		return (this.shared.equals("/") ? "" : this.shared) + "/" + name;
	}

	/**
	 * Whether a path pattern is the path of one merchant whatever the merchant: one more
	 * segment under the shared path that is a literal (such a handler is shadowed: the
	 * starter answers 404 there) or a single variable.
	 */
	boolean isUnderMerchantPattern(String pattern) {
		String prefix = merchantPath("");
		if (!pattern.startsWith(prefix) || pattern.length() == prefix.length()) {
			return false;
		}
		String segment = pattern.substring(prefix.length());
		return segment.indexOf('/') < 0 && segment.indexOf('*') < 0 && segment.indexOf('?') < 0
				&& (segment.indexOf('{') < 0 || (segment.startsWith("{") && segment.endsWith("}")
						&& segment.indexOf('{', 1) < 0 && !segment.startsWith("{*")));
	}

}
