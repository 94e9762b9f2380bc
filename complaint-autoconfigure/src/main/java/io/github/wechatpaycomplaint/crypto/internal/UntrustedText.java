package io.github.wechatpaycomplaint.crypto.internal;

import org.jspecify.annotations.Nullable;

/**
 * Makes text that anyone can send, such as a {@code Wechatpay-Serial} or
 * {@code Content-Type} header, safe to put in a log line: only printable ASCII is kept
 * (every other character, including CR and LF, becomes {@code ?}), so that it cannot
 * start a forged log line or carry terminal escapes, and it is cut to
 * {@value #MAX_LENGTH} characters, so that a huge header does not become a huge log line.
 *
 * @since 0.1.0
 */
public final class UntrustedText {

	/** Most characters of a value that reach a log line. */
	public static final int MAX_LENGTH = 64;

	private static final String CUT = "…";

	private UntrustedText() {
	}

	/**
	 * The form of a longer text, such as WeChat Pay's error message, that may end up in a
	 * log through an exception message: any script is kept (WeChat Pay writes Chinese),
	 * but control characters and line or paragraph separators become {@code ?}, and the
	 * text is cut to {@code maxLength} characters.
	 * @param value the text as received, or {@code null}
	 * @param maxLength the most characters kept
	 * @return the text on one line, followed by {@code …} when cut; {@code (none)} for
	 * {@code null}
	 */
	public static String forMessage(@Nullable String value, int maxLength) {
		if (value == null) {
			return "(none)";
		}
		int length = Math.min(value.length(), maxLength);
		StringBuilder text = new StringBuilder(length + 1);
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			boolean breaksTheLine = Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085';
			text.append(breaksTheLine ? '?' : c);
		}
		if (value.length() > maxLength) {
			text.append(CUT);
		}
		return text.toString();
	}

	/**
	 * The loggable form of a value.
	 * @param value the value as received, or {@code null}
	 * @return printable ASCII, at most {@value #MAX_LENGTH} characters followed by
	 * {@code …} when cut; {@code (none)} for {@code null}
	 */
	public static String forLog(@Nullable String value) {
		if (value == null) {
			return "(none)";
		}
		int length = Math.min(value.length(), MAX_LENGTH);
		StringBuilder text = new StringBuilder(length + 1);
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			text.append((c >= 0x20 && c < 0x7F) ? c : '?');
		}
		if (value.length() > MAX_LENGTH) {
			text.append(CUT);
		}
		return text.toString();
	}

}
