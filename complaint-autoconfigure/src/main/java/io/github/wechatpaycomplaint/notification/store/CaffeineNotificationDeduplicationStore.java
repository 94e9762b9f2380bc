package io.github.wechatpaycomplaint.notification.store;

import java.time.Duration;
import java.util.concurrent.ConcurrentMap;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.wechatpaycomplaint.notification.NotificationClaim;
import io.github.wechatpaycomplaint.notification.NotificationClaim.Status;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;

/**
 * Keeps notification ids in a bounded Caffeine cache of this instance: right for a single
 * instance. The cache drops entries a fixed time after their last write (the configured
 * time to live) and, when more than the maximum size of handled ids are kept, the least
 * used of them first, so a burst beyond the maximum size may let an old duplicate
 * through. An id whose listeners are still running is never dropped for size (it weighs
 * nothing until it is marked done), so a redelivery that arrives meanwhile is always
 * answered as in progress. Each entry also carries its own deadline (the lease while in
 * progress, the time to live once done), checked when the id is claimed; a fixed expiry
 * plus this check costs far less per notification than Caffeine's per-entry expiry.
 *
 * @since 0.1.0
 */
public final class CaffeineNotificationDeduplicationStore implements NotificationDeduplicationStore {

	private final ConcurrentMap<String, Entry> entries;

	private final Ticker ticker;

	/**
	 * Creates a store with the system ticker.
	 * @param maximumSize the most handled ids kept (ids still in progress come on top)
	 * @param maximumTimeToLive the longest time an id is kept; {@link #markDone} may ask
	 * for less
	 */
	public CaffeineNotificationDeduplicationStore(long maximumSize, Duration maximumTimeToLive) {
		this(maximumSize, maximumTimeToLive, Ticker.systemTicker());
	}

	CaffeineNotificationDeduplicationStore(long maximumSize, Duration maximumTimeToLive, Ticker ticker) {
		this.ticker = ticker;
		// Maintenance runs on the calling thread, amortized, instead of competing with it
		// from the common pool.
		this.entries = Caffeine.newBuilder()
			.maximumWeight(maximumSize)
			.<String, Entry>weigher((id, entry) -> entry.done() ? 1 : 0)
			.expireAfterWrite(maximumTimeToLive)
			.ticker(ticker)
			.executor(Runnable::run)
			.<String, Entry>build()
			.asMap();
	}

	@Override
	public NotificationClaim claim(String notificationId, Duration lease) {
		long now = this.ticker.read();
		Entry mine = new Entry(NotificationClaim.claimed(notificationId), false, now + lease.toNanos());
		Entry current = this.entries.putIfAbsent(notificationId, mine);
		while (current != null) {
			if (current.deadlineNanos() - now > 0) {
				return NotificationClaim.refused(notificationId,
						current.done() ? Status.DUPLICATE : Status.IN_PROGRESS);
			}
			// Its lease or time to live is over: take it over, unless another claim was
			// quicker.
			if (this.entries.replace(notificationId, current, mine)) {
				return mine.claim();
			}
			current = this.entries.putIfAbsent(notificationId, mine);
		}
		return mine.claim();
	}

	@Override
	public boolean markDone(NotificationClaim claim, Duration timeToLive) {
		String token = claim.requireToken();
		Entry done = new Entry(claim, true, this.ticker.read() + timeToLive.toNanos());
		return this.entries.computeIfPresent(claim.notificationId(),
				(id, current) -> owned(current, token) ? done : current) == done;
	}

	@Override
	public void release(NotificationClaim claim) {
		String token = claim.requireToken();
		this.entries.computeIfPresent(claim.notificationId(), (id, current) -> owned(current, token) ? null : current);
	}

	private static boolean owned(Entry entry, String token) {
		return !entry.done() && token.equals(entry.claim().token());
	}

	@Override
	public String toString() {
		return "CaffeineNotificationDeduplicationStore[size=" + this.entries.size() + "]";
	}

	private record Entry(NotificationClaim claim, boolean done, long deadlineNanos) {
	}

}
