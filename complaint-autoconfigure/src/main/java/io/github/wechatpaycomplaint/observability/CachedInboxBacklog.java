package io.github.wechatpaycomplaint.observability;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import io.github.wechatpaycomplaint.notification.inbox.InboxBacklog;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The inbox's backlog read at most once per interval, so that the gauges of one scrape
 * (and of frequent scrapes) share a single query. A failed read is kept for the interval
 * too: an unreachable database is not asked again by every gauge.
 */
final class CachedInboxBacklog {

	private static final Log logger = LogFactory.getLog(CachedInboxBacklog.class);

	private final NotificationInbox inbox;

	private final Clock clock;

	private final long intervalMillis;

	private @Nullable InboxBacklog backlog;

	private long readAt;

	private boolean read;

	CachedInboxBacklog(NotificationInbox inbox, Clock clock, Duration interval) {
		this.inbox = Objects.requireNonNull(inbox, "inbox");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.intervalMillis = interval.toMillis();
	}

	/**
	 * The backlog of the last read, read again when it is older than the interval.
	 * @return the backlog, {@code null} when the last read failed
	 */
	synchronized @Nullable InboxBacklog get() {
		long now = this.clock.millis();
		// A clock set back also reads again, rather than keeping a value for that long.
		if (!this.read || now - this.readAt >= this.intervalMillis || now < this.readAt) {
			this.backlog = readNow();
			this.readAt = now;
			this.read = true;
		}
		return this.backlog;
	}

	private @Nullable InboxBacklog readNow() {
		try {
			return this.inbox.backlog();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the complaint notification inbox backlog for its gauges ("
					+ ex.getClass().getName() + "); they show NaN until it can be read");
			return null;
		}
	}

}
