package io.github.wechatpaycomplaint.autoconfigure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a {@code ${...}} placeholder left in a property value. Spring leaves a
 * placeholder it cannot resolve as it is, so {@code api-v3-key: ${WECHATPAY_API_V3_KEY}}
 * with the variable unset would otherwise be reported as a key of the wrong length. Only
 * the placeholder's name is ever shown, never the value around it.
 */
final class UnresolvedPlaceholderCheck {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)");

	private static final Pattern PRINTABLE_NAME = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]]{1,128}");

	private UnresolvedPlaceholderCheck() {
	}

	/**
	 * Fails when the value still holds a placeholder.
	 * @param value the bound value
	 * @param property the full property name
	 * @throws InvalidComplaintPropertyException naming the property, the placeholder and
	 * how to set it
	 */
	static void check(String value, String property) {
		Matcher placeholder = PLACEHOLDER.matcher(value);
		if (!placeholder.find()) {
			return;
		}
		String name = placeholder.group(1).strip();
		if (!PRINTABLE_NAME.matcher(name).matches()) {
			throw new InvalidComplaintPropertyException(property,
					"it holds a ${...} placeholder that could not be resolved",
					"Set the environment variable or property the placeholder names before the application starts, "
							+ "or give it a default with ${NAME:default}.");
		}
		throw new InvalidComplaintPropertyException(property,
				"the placeholder ${" + name + "} is unresolved: no environment variable or property named '" + name
						+ "' is set",
				"Set the environment variable " + name + " (e.g. export " + name + "=... in the shell or service "
						+ "definition that starts the application) or the property '" + name + "', or set '" + property
						+ "' directly.");
	}

}
