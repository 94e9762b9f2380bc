package io.github.wechatpaycomplaint.notification;

import java.time.Duration;

/**
 * Remembers which notification ids are being handled or were handled, so that each
 * notification produces one event even when WeChat Pay delivers it again, to the same or
 * another instance. The handler calls {@link #claim}, then publishes, then calls
 * {@link #markDone} (or {@link #release} when a listener failed).
 *
 * <p>
 * Implementations must make {@link #claim} atomic across every instance that shares the
 * store.
 *
 * @since 0.1.0
 */
public interface NotificationDeduplicationStore {

	/**
	 * Claims a notification id for handling.
	 * @param notificationId the notification id
	 * @param lease how long the claim holds if it is neither marked done nor released
	 * (e.g. the instance died); after it another delivery may claim the id again
	 * @return {@link NotificationClaim.Status#CLAIMED} with a token for the caller,
	 * {@link NotificationClaim.Status#DUPLICATE} when the id was handled, or
	 * {@link NotificationClaim.Status#IN_PROGRESS} when another delivery holds a live
	 * claim
	 */
	NotificationClaim claim(String notificationId, Duration lease);

	/**
	 * Records that a claimed notification was handled.
	 * @param claim a claim with status {@link NotificationClaim.Status#CLAIMED}
	 * @param timeToLive how long to remember the id
	 * @return {@code false} when the claim was no longer held (its lease ran out and
	 * another delivery took it)
	 */
	boolean markDone(NotificationClaim claim, Duration timeToLive);

	/**
	 * Gives a claim up so that the next delivery is handled; does nothing when the claim
	 * is no longer held.
	 * @param claim a claim with status {@link NotificationClaim.Status#CLAIMED}
	 */
	void release(NotificationClaim claim);

	/**
	 * Checks that the store can be used now, for the health indicator and the startup
	 * check. Stores in this instance's memory have nothing to check.
	 * @throws RuntimeException when the store cannot be reached or is not set up
	 */
	default void checkAvailable() {
	}

}
