package io.github.wechatpaycomplaint.testsupport;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.notification.NotificationClaim;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;

/**
 * A de-duplication store in an outage: every operation, the availability check included,
 * throws the failure it is given.
 */
public final class UnavailableStore implements NotificationDeduplicationStore {

	private final Supplier<RuntimeException> failure;

	public UnavailableStore(Supplier<RuntimeException> failure) {
		this.failure = failure;
	}

	@Override
	public NotificationClaim claim(String notificationId, Duration lease) {
		throw this.failure.get();
	}

	@Override
	public boolean markDone(NotificationClaim claim, Duration timeToLive) {
		throw this.failure.get();
	}

	@Override
	public void release(NotificationClaim claim) {
		throw this.failure.get();
	}

	@Override
	public void checkAvailable() {
		throw this.failure.get();
	}

}
