package io.github.wechatpaycomplaint.notification.store;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.wechatpaycomplaint.notification.NotificationClaim;
import io.github.wechatpaycomplaint.notification.NotificationClaim.Status;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;

/**
 * Keeps notification ids in memory of this instance: right for a single instance. Ids
 * whose listeners are still running sit in a map of their own, never dropped for size, so
 * a redelivery that arrives meanwhile is always answered as in progress; a claim whose
 * lease is over can be taken over. Handled ids sit in a bounded Caffeine cache, which
 * drops them a fixed time after they were marked done (the configured time to live) and,
 * when more than the maximum size are kept, the least used first, so a burst beyond the
 * maximum size may let an old duplicate through. Each handled id also carries its own
 * deadline (the time to live {@link #markDone} asks for), checked when it is claimed: a
 * fixed expiry plus this check costs far less than Caffeine's per-entry expiry, and one
 * cache write per notification far less than two.
 *
 * @since 0.1.0
 */
public final class CaffeineNotificationDeduplicationStore implements NotificationDeduplicationStore {

	private final ConcurrentMap<String, InProgress> inProgress = new ConcurrentHashMap<>();

	// Handled id -> the ticker reading until which it counts as a duplicate.
	private final Cache<String, Long> handled;

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
		this.handled = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfterWrite(maximumTimeToLive)
			.ticker(ticker)
			.executor(Runnable::run)
			.build();
	}

	@Override
	public NotificationClaim claim(String notificationId, Duration lease) {
		long now = this.ticker.read();
		if (isHandled(notificationId, now)) {
			return NotificationClaim.refused(notificationId, Status.DUPLICATE);
		}
		InProgress mine = new InProgress(NotificationClaim.claimed(notificationId), now + lease.toNanos());
		InProgress current = this.inProgress.putIfAbsent(notificationId, mine);
		while (current != null) {
			if (current.leaseDeadlineNanos() - now > 0) {
				return NotificationClaim.refused(notificationId, Status.IN_PROGRESS);
			}
			// Its lease is over: take it over, unless another claim was quicker.
			if (this.inProgress.replace(notificationId, current, mine)) {
				break;
			}
			current = this.inProgress.putIfAbsent(notificationId, mine);
		}
		// Marked done between the first look and the claim: markDone records the id as
		// handled before it leaves the in-progress map, so this second look sees it.
		if (isHandled(notificationId, now)) {
			this.inProgress.remove(notificationId, mine);
			return NotificationClaim.refused(notificationId, Status.DUPLICATE);
		}
		return mine.claim();
	}

	private boolean isHandled(String notificationId, long now) {
		Long deadline = this.handled.getIfPresent(notificationId);
		return deadline != null && deadline - now > 0;
	}

	@Override
	public boolean markDone(NotificationClaim claim, Duration timeToLive) {
		String token = claim.requireToken();
		long deadline = this.ticker.read() + timeToLive.toNanos();
		boolean[] owned = new boolean[1];
		this.inProgress.computeIfPresent(claim.notificationId(), (id, current) -> {
			if (!token.equals(current.claim().token())) {
				return current;
			}
			this.handled.put(id, deadline);
			owned[0] = true;
			return null;
		});
		return owned[0];
	}

	@Override
	public void release(NotificationClaim claim) {
		String token = claim.requireToken();
		this.inProgress.computeIfPresent(claim.notificationId(),
				(id, current) -> token.equals(current.claim().token()) ? null : current);
	}

	@Override
	public String toString() {
		return "CaffeineNotificationDeduplicationStore[size=" + (this.handled.estimatedSize() + this.inProgress.size())
				+ "]";
	}

	private record InProgress(NotificationClaim claim, long leaseDeadlineNanos) {
	}

}
