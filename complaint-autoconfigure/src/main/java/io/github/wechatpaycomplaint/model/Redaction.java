package io.github.wechatpaycomplaint.model;

import org.jspecify.annotations.Nullable;

/**
 * How the {@code toString()} of records that carry personal data shows such a field:
 * whether it is there, never its content. Applications log complaints, history records
 * and requests routinely; user text, openids, phone numbers and addresses must not reach
 * those logs.
 *
 * @since 0.1.0
 */
public final class Redaction {

	/** What stands in a {@code toString()} for a field that is present. */
	public static final String REDACTED = "[redacted]";

	private Redaction() {
	}

	/**
	 * Shows whether a personal field is present.
	 * @param value the field's value
	 * @return {@code "null"} when absent, {@value #REDACTED} otherwise
	 */
	public static String of(@Nullable Object value) {
		return (value != null) ? REDACTED : "null";
	}

}
