package io.github.wechatpaycomplaint.notification.inbox;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Turns a listener failure into the text kept as an entry's last error: the class names
 * of the exception and of its causes, never a message. Messages may carry personal data
 * (a database's "Duplicate entry '&lt;phone number&gt;'", say), and the inbox keeps the
 * text for as long as the entry.
 *
 * @since 0.1.0
 */
public final class InboxErrors {

	/** The longest text {@link #describe} returns, the width of the JDBC column. */
	public static final int MAX_LENGTH = 512;

	private static final String CAUSED_BY = " <- ";

	private InboxErrors() {
	}

	/**
	 * Describes a failure.
	 * @param failure the failure
	 * @return {@code <class name>[ <- <cause class name>]...}, at most
	 * {@value #MAX_LENGTH} characters
	 */
	public static String describe(Throwable failure) {
		StringBuilder text = new StringBuilder(failure.getClass().getName());
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		seen.add(failure);
		for (Throwable cause = failure.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
			text.append(CAUSED_BY).append(cause.getClass().getName());
		}
		return (text.length() <= MAX_LENGTH) ? text.toString() : text.substring(0, MAX_LENGTH);
	}

}
