package io.github.wechatpaycomplaint.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * Logs refused notifications without letting a flood of them flood the log: per reason,
 * at most one INFO or WARN line per {@link #INTERVAL}; the lines in between go to DEBUG,
 * and the next line that is let through says how many were held back. DEBUG and ERROR
 * refusals are never held back (ERROR ones follow a verified signature, so no stranger
 * can cause them). The cause of a refusal below ERROR (say, a de-duplication store
 * failure) goes to DEBUG as its class and message, never as a stack trace.
 */
final class RejectionLog {

	/** Least time between two INFO or WARN lines for the same reason. */
	static final Duration INTERVAL = Duration.ofMinutes(1);

	private final Log logger;

	private final Clock clock;

	private final Map<NotificationRejection, Window> windows = new EnumMap<>(NotificationRejection.class);

	RejectionLog(Log logger, Clock clock) {
		this.logger = Objects.requireNonNull(logger, "logger");
		this.clock = Objects.requireNonNull(clock, "clock");
		for (NotificationRejection rejection : NotificationRejection.values()) {
			this.windows.put(rejection, new Window());
		}
	}

	void log(NotificationRejectedException ex) {
		NotificationRejection rejection = ex.getRejection();
		String message = "Refused complaint notification (" + rejection.getStatus() + " " + rejection.name() + "): "
				+ ex.getMessage();
		switch (rejection.getLevel()) {
			case DEBUG -> this.logger.debug(message);
			case INFO -> limited(rejection, message, this.logger.isInfoEnabled(), false);
			case WARN -> limited(rejection, message, this.logger.isWarnEnabled(), true);
			default -> this.logger.error(message, ex.getCause());
		}
		Throwable cause = ex.getCause();
		if (cause != null && rejection.getLevel() != NotificationRejection.Level.ERROR
				&& this.logger.isDebugEnabled()) {
			this.logger.debug("Cause of the refusal (" + rejection.name() + "): " + cause);
		}
	}

	private void limited(NotificationRejection rejection, String message, boolean enabled, boolean warn) {
		if (!enabled) {
			this.logger.debug(message);
			return;
		}
		String heldBack = this.windows.get(rejection).admit(this.clock.instant());
		if (heldBack == null) {
			this.logger.debug(message);
		}
		else if (warn) {
			this.logger.warn(message + heldBack);
		}
		else {
			this.logger.info(message + heldBack);
		}
	}

	/**
	 * The lines of one reason: when the next may be logged, and how many were held back
	 * since when.
	 */
	private static final class Window {

		private @Nullable Instant nextLine;

		private long heldBack;

		private @Nullable Instant heldBackSince;

		// The text to append when a line may be logged now, else null (and the line is
		// counted).
		synchronized @Nullable String admit(Instant now) {
			if (this.nextLine != null && now.isBefore(this.nextLine)) {
				if (this.heldBack++ == 0) {
					this.heldBackSince = now;
				}
				return null;
			}
			this.nextLine = now.plus(INTERVAL);
			String text = (this.heldBack == 0) ? ""
					: " (and " + this.heldBack + " more since " + this.heldBackSince + ", logged at DEBUG)";
			this.heldBack = 0;
			this.heldBackSince = null;
			return text;
		}

	}

}
