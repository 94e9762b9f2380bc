package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;

/**
 * Keeps verified notifications until a listener pass succeeds, shared by every instance
 * of the application. The endpoint {@link #record records}; workers {@link #claimDue
 * claim}, publish, then {@link #markDone}, {@link #retryLater} or {@link #park}.
 *
 * <p>
 * What every implementation guarantees:
 * <ul>
 * <li>{@link #record} is atomic across instances, keyed by (merchant name, notification
 * id): the first record of a key wins and every later one is a duplicate.</li>
 * <li>Order per complaint: an entry is never handed out while another entry of the same
 * merchant and complaint that comes first (by {@code create_time}, then by arrival) is
 * not done, nor while any other entry of that complaint is claimed. A parked
 * ({@link InboxEntry.Status#FAILED}) entry therefore holds back the later notifications
 * of its complaint until it is replayed or discarded.</li>
 * <li>A claim holds for its lease: an entry whose claim ran out (its worker died) is due
 * again and may go to another instance. Once it is claimed again, calls with the earlier
 * claim change nothing and answer {@code false}; until then a claim that ran out still
 * records its outcome, so a pass that finished late is not repeated for nothing.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public interface NotificationInbox {

	/**
	 * Records a notification, unless one with the same merchant name and id was recorded
	 * before.
	 * @param notification the verified notification
	 * @return {@code true} when recorded now, {@code false} for a duplicate
	 * @throws RuntimeException when the inbox cannot record it now (the endpoint answers
	 * 500, and WeChat Pay delivers the notification again)
	 */
	boolean record(ComplaintNotification notification);

	/**
	 * Claims entries that are due, at most one per complaint.
	 * @param maxEntries the most entries to hand out
	 * @param lease how long the claims hold
	 * @return the claimed entries, each with its claim token, oldest first
	 */
	List<InboxEntry> claimDue(int maxEntries, Duration lease);

	/**
	 * Records that a listener pass succeeded.
	 * @param claimed an entry handed out by {@link #claimDue}
	 * @return {@code false} when the entry was claimed again since
	 */
	boolean markDone(InboxEntry claimed);

	/**
	 * Gives a claimed entry back to be tried again later.
	 * @param claimed an entry handed out by {@link #claimDue}
	 * @param nextAttemptAt the earliest time of the next pass
	 * @param lastError the failure, already sanitized ({@link InboxErrors})
	 * @return {@code false} when the entry was claimed again since
	 */
	boolean retryLater(InboxEntry claimed, Instant nextAttemptAt, String lastError);

	/**
	 * Parks a claimed entry as failed: no more passes until it is replayed.
	 * @param claimed an entry handed out by {@link #claimDue}
	 * @param lastError the failure, already sanitized ({@link InboxErrors})
	 * @return {@code false} when the entry was claimed again since
	 */
	boolean park(InboxEntry claimed, String lastError);

	/**
	 * Extends the lease of a claim whose pass is still running, so that a slow listener
	 * does not see its entry handed to another instance.
	 * @param claimed an entry handed out by {@link #claimDue}
	 * @param lease how long the claim holds from now
	 * @return {@code false} when the entry was claimed again since or has an outcome (the
	 * pass lost its claim)
	 */
	boolean renewLease(InboxEntry claimed, Duration lease);

	/**
	 * Gives back a claim whose pass never started (the worker was stopping): the entry is
	 * due again at once, and the claim does not count as an attempt. The default does
	 * nothing, and the entry is due again once its lease runs out.
	 * @param claimed an entry handed out by {@link #claimDue}
	 * @return {@code false} when the entry was claimed again since, or nothing was done
	 */
	default boolean release(InboxEntry claimed) {
		return false;
	}

	/**
	 * Lists parked entries, oldest first.
	 * @param limit the most entries to list
	 * @return the entries
	 */
	List<InboxEntry> failed(int limit);

	/**
	 * Makes a parked entry due again now, with a fresh count of attempts and age.
	 * @param merchantName the merchant's entry name
	 * @param notificationId the notification id
	 * @return {@code false} when no such entry is parked
	 */
	boolean replay(String merchantName, String notificationId);

	/**
	 * Makes every parked entry due again now.
	 * @return the number of entries replayed
	 */
	int replayAll();

	/**
	 * Marks a parked entry done without publishing it, so that the later notifications of
	 * its complaint go on.
	 * @param merchantName the merchant's entry name
	 * @param notificationId the notification id
	 * @return {@code false} when no such entry is parked
	 */
	boolean discard(String merchantName, String notificationId);

	/**
	 * Counts what waits: pending and parked entries and the age of the oldest pending
	 * one.
	 * @return the backlog
	 * @throws RuntimeException when the inbox cannot be read now
	 */
	InboxBacklog backlog();

	/**
	 * Forgets done entries recorded before a time; a notification delivered again after
	 * that is recorded again.
	 * @param recordedBefore the limit
	 * @return the number of entries deleted
	 */
	int purgeDone(Instant recordedBefore);

	/**
	 * Checks that the inbox can be used now, for the startup check. Inboxes in this
	 * instance's memory have nothing to check.
	 * @throws RuntimeException when the inbox cannot be reached or is not set up
	 */
	default void checkAvailable() {
	}

}
