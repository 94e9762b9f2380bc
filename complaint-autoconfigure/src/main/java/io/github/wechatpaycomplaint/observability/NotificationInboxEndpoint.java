package io.github.wechatpaycomplaint.observability;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.github.wechatpaycomplaint.notification.inbox.FailedNotifications;
import io.github.wechatpaycomplaint.notification.inbox.InboxBacklog;
import io.github.wechatpaycomplaint.notification.inbox.InboxEntry;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The Actuator endpoint {@value #ID} of durable processing: read the backlog and the
 * parked notifications, replay them (all, or one) and discard one. Entries show ids,
 * times, attempts and the last error's exception classes, never the decrypted resource or
 * the summary. Like every endpoint it is not exposed over HTTP until
 * {@code management.endpoints.web.exposure.include} names it, and its write and delete
 * operations change what is published: expose it only behind authentication.
 *
 * @since 0.1.0
 */
@Endpoint(id = NotificationInboxEndpoint.ID)
public final class NotificationInboxEndpoint {

	/** The endpoint id. */
	public static final String ID = "wechatpaycomplaintinbox";

	/** The number of parked entries listed when no limit is given. */
	public static final int DEFAULT_LIMIT = 50;

	/** The most parked entries listed at once. */
	public static final int MAX_LIMIT = 500;

	private final FailedNotifications failed;

	private final NotificationInbox inbox;

	private final Clock clock;

	/**
	 * Creates the endpoint.
	 * @param failed the operations on parked notifications
	 * @param inbox the inbox, for its backlog
	 * @param clock the clock of the ages, the inbox's
	 */
	public NotificationInboxEndpoint(FailedNotifications failed, NotificationInbox inbox, Clock clock) {
		this.failed = Objects.requireNonNull(failed, "failed");
		this.inbox = Objects.requireNonNull(inbox, "inbox");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * The backlog and the oldest parked entries.
	 * @param limit the most entries to list, from 1 to {@value #MAX_LIMIT};
	 * {@value #DEFAULT_LIMIT} when absent
	 * @return the report
	 */
	@ReadOperation
	public InboxReport inbox(@Nullable Integer limit) {
		int entries = (limit != null) ? limit : DEFAULT_LIMIT;
		if (entries < 1 || entries > MAX_LIMIT) {
			throw new InvalidEndpointRequestException("The limit must be from 1 to " + MAX_LIMIT + ", not " + limit,
					"Invalid limit");
		}
		InboxBacklog backlog = this.inbox.backlog();
		Instant since = backlog.oldestPendingSince();
		return new InboxReport(backlog.pending(), backlog.failed(), (since != null) ? since.toString() : null,
				(since != null) ? InboxAge.between(since, this.clock.instant()).toString() : null,
				this.failed.list(entries).stream().map(ParkedEntry::of).toList());
	}

	/**
	 * Replays every parked notification.
	 * @return the number replayed
	 */
	@WriteOperation
	public ReplayedEntries replayAll() {
		return new ReplayedEntries(this.failed.replayAll());
	}

	/**
	 * Replays one parked notification.
	 * @param merchant the merchant's entry name
	 * @param notificationId the notification id
	 * @return what changed, {@link EntryChange.Change#NOT_PARKED} when no such
	 * notification is parked
	 */
	@WriteOperation
	public EntryChange replay(@Selector String merchant, @Selector String notificationId) {
		boolean replayed = this.failed.replay(merchant, notificationId);
		return new EntryChange(merchant, notificationId,
				replayed ? EntryChange.Change.REPLAYED : EntryChange.Change.NOT_PARKED);
	}

	/**
	 * Discards one parked notification: it is never published, and the later
	 * notifications of its complaint go on.
	 * @param merchant the merchant's entry name
	 * @param notificationId the notification id
	 * @return what changed, {@link EntryChange.Change#NOT_PARKED} when no such
	 * notification is parked
	 */
	@DeleteOperation
	public EntryChange discard(@Selector String merchant, @Selector String notificationId) {
		boolean discarded = this.failed.discard(merchant, notificationId);
		return new EntryChange(merchant, notificationId,
				discarded ? EntryChange.Change.DISCARDED : EntryChange.Change.NOT_PARKED);
	}

	/**
	 * The backlog and the listed parked entries.
	 *
	 * @param pending entries waiting for a successful listener pass
	 * @param failed parked entries, all of them (more than listed when over the limit)
	 * @param oldestPendingSince when the oldest pending entry started its attempts
	 * (ISO-8601; its first listener pass, else its recording or replay), {@code null}
	 * when none is pending
	 * @param oldestPendingAge its age in whole seconds (ISO-8601, such as
	 * {@code PT2M30S}), {@code null} when none is pending
	 * @param entries the oldest parked entries, up to the limit
	 */
	public record InboxReport(long pending, long failed, @Nullable String oldestPendingSince,
			@Nullable String oldestPendingAge, List<ParkedEntry> entries) {
	}

	/**
	 * A parked entry, without its resource or summary.
	 *
	 * @param merchant the merchant's entry name
	 * @param notificationId the notification id
	 * @param complaintId the complaint id
	 * @param eventType the event type, such as {@code COMPLAINT.STATE_CHANGE}
	 * @param createTime when WeChat Pay created the notification
	 * @param attempts listener passes since it was recorded or last replayed
	 * @param lastError the last failure's exception classes
	 */
	public record ParkedEntry(String merchant, String notificationId, String complaintId, String eventType,
			String createTime, int attempts, @Nullable String lastError) {

		static ParkedEntry of(InboxEntry entry) {
			return new ParkedEntry(entry.merchantName(), entry.notificationId(), entry.notification().complaintId(),
					entry.notification().eventType(), entry.notification().createTime().toString(), entry.attempts(),
					entry.lastError());
		}

	}

	/**
	 * The outcome of replaying all parked entries.
	 *
	 * @param replayed the number replayed
	 */
	public record ReplayedEntries(int replayed) {
	}

	/**
	 * The outcome of replaying or discarding one entry.
	 *
	 * @param merchant the merchant's entry name
	 * @param notificationId the notification id
	 * @param change what changed
	 */
	public record EntryChange(String merchant, String notificationId, Change change) {

		/**
		 * What changed.
		 */
		public enum Change {

			/** The entry is due again now. */
			REPLAYED,

			/** The entry is marked done unpublished. */
			DISCARDED,

			/** No such entry is parked; nothing changed. */
			NOT_PARKED

		}

	}

}
