package io.github.wechatpaycomplaint.notification.inbox;

import java.util.List;
import java.util.Objects;

import io.github.wechatpaycomplaint.crypto.internal.UntrustedText;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The parked notifications of durable processing, for operators: list them, replay them
 * (a fresh set of attempts, due at once) or discard them (marked done unpublished, so
 * that the later notifications of their complaint go on). Each change is logged.
 *
 * @since 0.1.0
 */
public final class FailedNotifications {

	private static final Log logger = LogFactory.getLog(FailedNotifications.class);

	private final NotificationInbox inbox;

	/**
	 * Creates the operations on an inbox.
	 * @param inbox the inbox
	 */
	public FailedNotifications(NotificationInbox inbox) {
		this.inbox = Objects.requireNonNull(inbox, "inbox");
	}

	/**
	 * Lists parked entries, oldest first, each with its attempts and last error.
	 * @param limit the most entries to list
	 * @return the entries
	 */
	public List<InboxEntry> list(int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("The limit must be at least 1, not " + limit);
		}
		return this.inbox.failed(limit);
	}

	/**
	 * Replays one parked notification.
	 * @param merchantName the merchant's entry name
	 * @param notificationId the notification id
	 * @return {@code false} when no such notification is parked
	 */
	public boolean replay(String merchantName, String notificationId) {
		boolean replayed = this.inbox.replay(merchantName, notificationId);
		if (replayed) {
			logger.info("Replaying complaint notification " + UntrustedText.forLog(notificationId) + " of merchant "
					+ UntrustedText.forLog(merchantName));
		}
		return replayed;
	}

	/**
	 * Replays every parked notification.
	 * @return the number replayed
	 */
	public int replayAll() {
		int replayed = this.inbox.replayAll();
		if (replayed > 0) {
			logger.info("Replaying " + replayed + " parked complaint notifications");
		}
		return replayed;
	}

	/**
	 * Discards one parked notification: it is never published, and the later
	 * notifications of its complaint go on.
	 * @param merchantName the merchant's entry name
	 * @param notificationId the notification id
	 * @return {@code false} when no such notification is parked
	 */
	public boolean discard(String merchantName, String notificationId) {
		boolean discarded = this.inbox.discard(merchantName, notificationId);
		if (discarded) {
			logger.warn("Discarded parked complaint notification " + UntrustedText.forLog(notificationId)
					+ " of merchant " + UntrustedText.forLog(merchantName) + " unpublished");
		}
		return discarded;
	}

	@Override
	public String toString() {
		return "FailedNotifications[inbox=" + this.inbox + "]";
	}

}
