package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.UUID;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the inbox in this instance's memory: for development and tests only, since a
 * restart loses every entry and other instances see none. Every method holds one lock.
 * The entries not done are indexed per complaint in order, so that claiming looks at the
 * head of each complaint with open entries rather than at every entry ever recorded. The
 * resource is kept with the fields the events need only ({@link StoredNotifications}), as
 * in the JDBC inbox.
 *
 * @since 0.1.0
 */
public final class MemoryNotificationInbox implements NotificationInbox {

	private static final Comparator<Slot> ORDER = Comparator
		.comparing((Slot slot) -> slot.notification.createTime().toInstant())
		.thenComparingLong((slot) -> slot.sequence);

	private final Clock clock;

	private final Map<Key, Slot> slots = new LinkedHashMap<>();

	// The entries not done, per complaint, by create time then arrival.
	private final Map<ComplaintKey, NavigableSet<Slot>> open = new HashMap<>();

	private long nextSequence = 1;

	/**
	 * Creates an empty inbox.
	 * @param clock the clock of leases and due times
	 */
	public MemoryNotificationInbox(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	@Override
	public synchronized boolean record(ComplaintNotification notification) {
		Key key = new Key(notification.merchantName(), notification.id());
		if (this.slots.containsKey(key)) {
			return false;
		}
		Slot slot = new Slot(StoredNotifications.kept(notification), this.nextSequence++, this.clock.instant());
		this.slots.put(key, slot);
		this.open.computeIfAbsent(ComplaintKey.of(notification), (complaint) -> new TreeSet<>(ORDER)).add(slot);
		return true;
	}

	@Override
	public synchronized List<InboxEntry> claimDue(int maxEntries, Duration lease) {
		Instant now = this.clock.instant();
		List<Slot> due = new ArrayList<>();
		for (NavigableSet<Slot> complaint : this.open.values()) {
			Slot head = complaint.first();
			boolean anyClaimed = complaint.stream().anyMatch((slot) -> slot.isClaimed(now));
			if (!anyClaimed && head.status == InboxEntry.Status.PENDING && !head.nextAttemptAt.isAfter(now)) {
				due.add(head);
			}
		}
		due.sort(Comparator.comparing((Slot slot) -> slot.nextAttemptAt).thenComparingLong((slot) -> slot.sequence));
		List<InboxEntry> claimed = new ArrayList<>();
		for (Slot slot : due.subList(0, Math.min(maxEntries, due.size()))) {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			slot.claimToken = new UUID(random.nextLong(), random.nextLong()).toString();
			slot.leaseUntil = now.plus(lease);
			// The maximum age counts from the first pass, not from the recording: an
			// entry
			// held back behind others of its complaint has not been tried yet.
			if (slot.attempts == 0) {
				slot.attemptsSince = now;
			}
			slot.attempts++;
			claimed.add(slot.toEntry());
		}
		return claimed;
	}

	@Override
	public synchronized boolean markDone(InboxEntry claimed) {
		Slot slot = owned(claimed);
		if (slot == null) {
			return false;
		}
		slot.release();
		done(slot);
		slot.lastError = null;
		return true;
	}

	@Override
	public synchronized boolean retryLater(InboxEntry claimed, Instant nextAttemptAt, String lastError) {
		Slot slot = owned(claimed);
		if (slot == null) {
			return false;
		}
		slot.release();
		slot.nextAttemptAt = nextAttemptAt;
		slot.lastError = lastError;
		return true;
	}

	@Override
	public synchronized boolean park(InboxEntry claimed, String lastError) {
		Slot slot = owned(claimed);
		if (slot == null) {
			return false;
		}
		slot.release();
		slot.status = InboxEntry.Status.FAILED;
		slot.lastError = lastError;
		return true;
	}

	@Override
	public synchronized boolean release(InboxEntry claimed) {
		Slot slot = owned(claimed);
		if (slot == null) {
			return false;
		}
		slot.release();
		slot.attempts--;
		return true;
	}

	@Override
	public synchronized boolean renewLease(InboxEntry claimed, Duration lease) {
		Slot slot = owned(claimed);
		if (slot == null) {
			return false;
		}
		slot.leaseUntil = this.clock.instant().plus(lease);
		return true;
	}

	@Override
	public synchronized InboxBacklog backlog() {
		long pending = 0;
		long failed = 0;
		Instant oldest = null;
		for (Slot slot : openSlots()) {
			if (slot.status == InboxEntry.Status.PENDING) {
				pending++;
				oldest = (oldest == null || slot.attemptsSince.isBefore(oldest)) ? slot.attemptsSince : oldest;
			}
			else if (slot.status == InboxEntry.Status.FAILED) {
				failed++;
			}
		}
		return new InboxBacklog(pending, failed, oldest);
	}

	@Override
	public synchronized List<InboxEntry> failed(int limit) {
		return openSlots().stream()
			.filter((slot) -> slot.status == InboxEntry.Status.FAILED)
			.sorted(ORDER)
			.limit(limit)
			.map(Slot::toEntry)
			.toList();
	}

	@Override
	public synchronized boolean replay(String merchantName, String notificationId) {
		Slot slot = this.slots.get(new Key(merchantName, notificationId));
		if (slot == null || slot.status != InboxEntry.Status.FAILED) {
			return false;
		}
		Instant now = this.clock.instant();
		slot.status = InboxEntry.Status.PENDING;
		slot.attempts = 0;
		slot.attemptsSince = now;
		slot.nextAttemptAt = now;
		return true;
	}

	@Override
	public synchronized int replayAll() {
		int replayed = 0;
		for (Slot slot : openSlots()) {
			if (slot.status == InboxEntry.Status.FAILED
					&& replay(slot.notification.merchantName(), slot.notification.id())) {
				replayed++;
			}
		}
		return replayed;
	}

	@Override
	public synchronized boolean discard(String merchantName, String notificationId) {
		Slot slot = this.slots.get(new Key(merchantName, notificationId));
		if (slot == null || slot.status != InboxEntry.Status.FAILED) {
			return false;
		}
		done(slot);
		return true;
	}

	private void done(Slot slot) {
		slot.status = InboxEntry.Status.DONE;
		ComplaintKey complaint = ComplaintKey.of(slot.notification);
		NavigableSet<Slot> entries = this.open.get(complaint);
		if (entries != null && entries.remove(slot) && entries.isEmpty()) {
			this.open.remove(complaint);
		}
	}

	@Override
	public synchronized int purgeDone(Instant recordedBefore) {
		int before = this.slots.size();
		this.slots.values()
			.removeIf((slot) -> slot.status == InboxEntry.Status.DONE && slot.recordedAt.isBefore(recordedBefore));
		return before - this.slots.size();
	}

	private List<Slot> openSlots() {
		List<Slot> open = new ArrayList<>();
		this.open.values().forEach(open::addAll);
		return open;
	}

	// The token alone: a new claim replaces it, and a late outcome counts while nobody
	// claimed the entry again.
	private @Nullable Slot owned(InboxEntry claimed) {
		Slot slot = this.slots.get(new Key(claimed.merchantName(), claimed.notificationId()));
		if (slot == null || slot.status != InboxEntry.Status.PENDING || slot.claimToken == null
				|| !slot.claimToken.equals(claimed.requireClaimToken())) {
			return null;
		}
		return slot;
	}

	@Override
	public String toString() {
		return "MemoryNotificationInbox[not durable]";
	}

	private record Key(String merchantName, String notificationId) {
	}

	private record ComplaintKey(String merchantName, String complaintId) {

		static ComplaintKey of(ComplaintNotification notification) {
			return new ComplaintKey(notification.merchantName(), notification.complaintId());
		}

	}

	private static final class Slot {

		final ComplaintNotification notification;

		final long sequence;

		final Instant recordedAt;

		InboxEntry.Status status = InboxEntry.Status.PENDING;

		int attempts;

		Instant attemptsSince;

		Instant nextAttemptAt;

		@Nullable Instant leaseUntil;

		@Nullable String claimToken;

		@Nullable String lastError;

		Slot(ComplaintNotification notification, long sequence, Instant now) {
			this.notification = notification;
			this.sequence = sequence;
			this.recordedAt = now;
			this.attemptsSince = now;
			this.nextAttemptAt = now;
		}

		boolean isClaimed(Instant now) {
			return this.claimToken != null && this.leaseUntil != null && this.leaseUntil.isAfter(now);
		}

		void release() {
			this.claimToken = null;
			this.leaseUntil = null;
		}

		InboxEntry toEntry() {
			return new InboxEntry(this.notification, this.sequence, this.status, this.attempts, this.attemptsSince,
					this.lastError, this.claimToken);
		}

	}

}
