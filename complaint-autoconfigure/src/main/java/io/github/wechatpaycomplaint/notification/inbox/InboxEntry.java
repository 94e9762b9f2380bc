package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Instant;
import java.util.Objects;

import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;
import org.jspecify.annotations.Nullable;

/**
 * One notification in the inbox and where its processing stands. Entries handed out by
 * {@link NotificationInbox#claimDue} carry the claim token that later calls prove
 * ownership with.
 *
 * <p>
 * {@link #toString()} shows ids, state and the error class only, never the decrypted
 * resource.
 *
 * @param notification the verified and decrypted notification
 * @param sequence the arrival order in the inbox, which breaks ties between equal
 * {@code create_time}s
 * @param status where the entry stands
 * @param attempts listener passes started since the entry was recorded or last replayed
 * @param attemptsSince when the listener first got the entry since it was recorded or
 * last replayed (until then, the recording or replay time); the maximum age counts from
 * here, so time spent waiting behind other entries does not count
 * @param lastError the last listener failure (exception class and a bounded, sanitized
 * message), {@code null} when none
 * @param claimToken the owner token of a claimed entry, {@code null} otherwise
 * @since 0.1.0
 */
public record InboxEntry(ComplaintNotification notification, long sequence, Status status, int attempts,
		Instant attemptsSince, @Nullable String lastError, @Nullable String claimToken) {

	public InboxEntry {
		Objects.requireNonNull(notification, "notification");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(attemptsSince, "attemptsSince");
	}

	/**
	 * The entry name of the merchant the notification is for.
	 * @return the merchant name
	 */
	public String merchantName() {
		return this.notification.merchantName();
	}

	/**
	 * The notification id, with the merchant name the inbox key.
	 * @return the notification id
	 */
	public String notificationId() {
		return this.notification.id();
	}

	/**
	 * The owner token of a claimed entry.
	 * @return the token
	 * @throws IllegalStateException when the entry was not handed out by a claim
	 */
	public String requireClaimToken() {
		if (this.claimToken == null) {
			throw new IllegalStateException("Inbox entry " + this + " is not claimed");
		}
		return this.claimToken;
	}

	@Override
	public String toString() {
		return "InboxEntry[merchant=" + merchantName() + ", id=" + notificationId() + ", complaintId="
				+ this.notification.complaintId() + ", status=" + this.status + ", attempts=" + this.attempts + "]";
	}

	/**
	 * Where an entry stands.
	 */
	public enum Status {

		/** Waiting for a listener pass, or in one (then claimed). */
		PENDING,

		/** A listener pass succeeded (or the entry was discarded). */
		DONE,

		/**
		 * Parked after its last attempt: it waits for a replay or a discard, and holds
		 * back the later notifications of its complaint until then.
		 */
		FAILED

	}

}
