package io.github.wechatpaycomplaint.notification.inbox;

/**
 * Turns a listener failure into the text kept as an entry's last error: the exception's
 * class name and the first {@value #MAX_MESSAGE_LENGTH} characters of its message, with
 * control characters replaced. Listener messages are the application's; keep secrets and
 * personal data out of them, as out of any log.
 *
 * @since 0.1.0
 */
public final class InboxErrors {

	/** Characters kept of the exception's message. */
	public static final int MAX_MESSAGE_LENGTH = 200;

	/** The longest text {@link #describe} returns, the width of the JDBC column. */
	public static final int MAX_LENGTH = 512;

	private InboxErrors() {
	}

	/**
	 * Describes a failure.
	 * @param failure the failure
	 * @return {@code <class name>: <message>}, at most {@value #MAX_LENGTH} characters
	 */
	public static String describe(Throwable failure) {
		String name = failure.getClass().getName();
		String message = failure.getMessage();
		String text = (message != null) ? name + ": " + sanitize(message) : name;
		return (text.length() <= MAX_LENGTH) ? text : text.substring(0, MAX_LENGTH);
	}

	private static String sanitize(String message) {
		String bounded = (message.length() <= MAX_MESSAGE_LENGTH) ? message
				: message.substring(0, MAX_MESSAGE_LENGTH) + "…";
		StringBuilder sanitized = new StringBuilder(bounded.length());
		bounded.codePoints()
			.forEach((codePoint) -> sanitized.appendCodePoint(Character.isISOControl(codePoint) ? '?' : codePoint));
		return sanitized.toString();
	}

}
