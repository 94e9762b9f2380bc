package io.github.wechatpaycomplaint.notification;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Parses the RFC 3339 times WeChat Pay writes ({@code 2025-06-13T09:02:41+08:00},
 * optionally with a fraction or {@code Z}) without a {@code DateTimeFormatter}, which
 * costs more per notification than all other parsing together. Anything else falls back
 * to {@link OffsetDateTime#parse}.
 */
final class Rfc3339 {

	private Rfc3339() {
	}

	/**
	 * Parses a time.
	 * @param text the text
	 * @return the time, or {@code null} when it is not an RFC 3339 date-time with an
	 * offset
	 */
	static @Nullable OffsetDateTime parse(String text) {
		try {
			OffsetDateTime fast = parseFast(text);
			return (fast != null) ? fast : OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable OffsetDateTime parseFast(String text) {
		int length = text.length();
		if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int nanos = 0;
		int position = 19;
		if (text.charAt(position) == '.') {
			int digits = 0;
			position++;
			while (position < length && Character.isDigit(text.charAt(position))) {
				if (digits++ < 9) {
					nanos = nanos * 10 + (text.charAt(position) - '0');
				}
				position++;
			}
			if (digits == 0) {
				return null;
			}
			for (int i = digits; i < 9; i++) {
				nanos *= 10;
			}
		}
		ZoneOffset offset = offset(text, position);
		if (offset == null) {
			return null;
		}
		try {
			return OffsetDateTime.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2), number(text, 11, 2),
					number(text, 14, 2), number(text, 17, 2), nanos, offset);
		}
		catch (DateTimeException | NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable ZoneOffset offset(String text, int position) {
		int remaining = text.length() - position;
		if (remaining == 1 && (text.charAt(position) == 'Z' || text.charAt(position) == 'z')) {
			return ZoneOffset.UTC;
		}
		char sign = (remaining == 6) ? text.charAt(position) : ' ';
		if ((sign != '+' && sign != '-') || text.charAt(position + 3) != ':') {
			return null;
		}
		try {
			int hours = number(text, position + 1, 2);
			int minutes = number(text, position + 4, 2);
			return (sign == '+') ? ZoneOffset.ofHoursMinutes(hours, minutes)
					: ZoneOffset.ofHoursMinutes(-hours, -minutes);
		}
		catch (DateTimeException | NumberFormatException ex) {
			return null;
		}
	}

	private static int number(String text, int start, int digits) {
		int value = 0;
		for (int i = start; i < start + digits; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw new NumberFormatException();
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
