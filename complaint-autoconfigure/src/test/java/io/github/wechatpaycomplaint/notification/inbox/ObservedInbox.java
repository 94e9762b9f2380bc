package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;
import org.jspecify.annotations.Nullable;

/**
 * A memory inbox that counts claims and renewals and can make the next claim, a renewal,
 * markDone or a purge fail, for worker tests that need to see or break what the worker
 * asks of its inbox.
 */
final class ObservedInbox implements NotificationInbox {

	final MemoryNotificationInbox delegate;

	final AtomicInteger claims = new AtomicInteger();

	final AtomicInteger claimed = new AtomicInteger();

	volatile @Nullable Supplier<? extends Throwable> nextClaimFailure;

	volatile @Nullable Supplier<? extends RuntimeException> purgeFailure;

	volatile Runnable afterClaim = () -> {
	};

	final AtomicInteger renewals = new AtomicInteger();

	final Set<String> renewalThreads = ConcurrentHashMap.newKeySet();

	/** Answers renewals in place of the memory inbox when set. */
	volatile @Nullable Supplier<Boolean> renewalAnswer;

	/** Makes every markDone fail when set, as an instance killed before it. */
	volatile @Nullable Supplier<? extends RuntimeException> markDoneFailure;

	ObservedInbox(MemoryNotificationInbox delegate) {
		this.delegate = delegate;
	}

	@Override
	public boolean record(ComplaintNotification notification) {
		return this.delegate.record(notification);
	}

	@Override
	public List<InboxEntry> claimDue(int maxEntries, Duration lease) {
		this.claims.incrementAndGet();
		Supplier<? extends Throwable> failure = this.nextClaimFailure;
		if (failure != null) {
			this.nextClaimFailure = null;
			throwUnchecked(failure.get());
		}
		List<InboxEntry> entries = this.delegate.claimDue(maxEntries, lease);
		this.claimed.addAndGet(entries.size());
		this.afterClaim.run();
		return entries;
	}

	@SuppressWarnings("unchecked")
	private static <T extends Throwable> void throwUnchecked(Throwable failure) throws T {
		throw (T) failure;
	}

	@Override
	public boolean markDone(InboxEntry claimed) {
		Supplier<? extends RuntimeException> failure = this.markDoneFailure;
		if (failure != null) {
			throw failure.get();
		}
		return this.delegate.markDone(claimed);
	}

	@Override
	public boolean retryLater(InboxEntry claimed, Instant nextAttemptAt, String lastError) {
		return this.delegate.retryLater(claimed, nextAttemptAt, lastError);
	}

	@Override
	public boolean park(InboxEntry claimed, String lastError) {
		return this.delegate.park(claimed, lastError);
	}

	@Override
	public boolean release(InboxEntry claimed) {
		return this.delegate.release(claimed);
	}

	@Override
	public boolean renewLease(InboxEntry claimed, Duration lease) {
		this.renewals.incrementAndGet();
		this.renewalThreads.add(Thread.currentThread().getName());
		Supplier<Boolean> answer = this.renewalAnswer;
		if (answer != null) {
			return answer.get();
		}
		return this.delegate.renewLease(claimed, lease);
	}

	@Override
	public InboxBacklog backlog() {
		return this.delegate.backlog();
	}

	@Override
	public List<InboxEntry> failed(int limit) {
		return this.delegate.failed(limit);
	}

	@Override
	public boolean replay(String merchantName, String notificationId) {
		return this.delegate.replay(merchantName, notificationId);
	}

	@Override
	public int replayAll() {
		return this.delegate.replayAll();
	}

	@Override
	public boolean discard(String merchantName, String notificationId) {
		return this.delegate.discard(merchantName, notificationId);
	}

	@Override
	public int purgeDone(Instant recordedBefore) {
		Supplier<? extends RuntimeException> failure = this.purgeFailure;
		if (failure != null) {
			throw failure.get();
		}
		return this.delegate.purgeDone(recordedBefore);
	}

}
