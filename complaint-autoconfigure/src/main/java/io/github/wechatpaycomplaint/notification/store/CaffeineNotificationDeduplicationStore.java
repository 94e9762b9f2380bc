package io.github.wechatpaycomplaint.notification.store;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.wechatpaycomplaint.notification.NotificationClaim;
import io.github.wechatpaycomplaint.notification.NotificationClaim.Status;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;

/**
 * Keeps notification ids in a bounded Caffeine cache of this instance: right for a single instance. Each entry
 * expires on its own schedule (the lease while in progress, the time to live once done). When the cache is full the
 * least used entries go first, so a burst beyond the maximum size may let an old duplicate through.
 *
 * @since 0.1.0
 */
public final class CaffeineNotificationDeduplicationStore implements NotificationDeduplicationStore {

	private final Cache<String, Entry> entries;

	private final Ticker ticker;

	/**
	 * Creates a store with the system ticker.
	 * @param maximumSize the most ids kept
	 */
	public CaffeineNotificationDeduplicationStore(long maximumSize) {
		this(maximumSize, Ticker.systemTicker());
	}

	CaffeineNotificationDeduplicationStore(long maximumSize, Ticker ticker) {
		this.ticker = ticker;
		this.entries = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(new EntryExpiry())
			.ticker(ticker)
			.build();
	}

	@Override
	public NotificationClaim claim(String notificationId, Duration lease) {
		Entry claim = new Entry(NotificationClaim.claimed(notificationId), false, deadline(lease));
		Entry current = this.entries.asMap().putIfAbsent(notificationId, claim);
		if (current == null) {
			return claim.claim();
		}
		return NotificationClaim.refused(notificationId, current.done() ? Status.DUPLICATE : Status.IN_PROGRESS);
	}

	@Override
	public boolean markDone(NotificationClaim claim, Duration timeToLive) {
		String token = claim.requireToken();
		Entry done = new Entry(claim, true, deadline(timeToLive));
		return this.entries.asMap().computeIfPresent(claim.notificationId(), (id, current) -> owned(current, token)
				? done : current) == done;
	}

	@Override
	public void release(NotificationClaim claim) {
		String token = claim.requireToken();
		this.entries.asMap().computeIfPresent(claim.notificationId(), (id, current) -> owned(current, token)
				? null : current);
	}

	private long deadline(Duration lifetime) {
		return this.ticker.read() + lifetime.toNanos();
	}

	private static boolean owned(Entry entry, String token) {
		return !entry.done() && token.equals(entry.claim().token());
	}

	@Override
	public String toString() {
		return "CaffeineNotificationDeduplicationStore[size=" + this.entries.estimatedSize() + "]";
	}

	/**
	 * An entry with an absolute deadline, so that recomputing an entry without changing it keeps its expiry.
	 */
	private record Entry(NotificationClaim claim, boolean done, long deadlineNanos) {
	}

	private static final class EntryExpiry implements Expiry<String, Entry> {

		@Override
		public long expireAfterCreate(String key, Entry value, long currentTime) {
			return Math.max(0, value.deadlineNanos() - currentTime);
		}

		@Override
		public long expireAfterUpdate(String key, Entry value, long currentTime, long currentDuration) {
			return Math.max(0, value.deadlineNanos() - currentTime);
		}

		@Override
		public long expireAfterRead(String key, Entry value, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
