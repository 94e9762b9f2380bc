package io.github.wechatpaycomplaint.notification.store;

import java.time.Duration;

import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;

/**
 * The store contract for the in-memory store.
 */
class CaffeineNotificationDeduplicationStoreTests extends NotificationDeduplicationStoreContractTests {

	private final CaffeineNotificationDeduplicationStore store = new CaffeineNotificationDeduplicationStore(10_000, Duration.ofMinutes(10));

	@Override
	protected NotificationDeduplicationStore store() {
		return this.store;
	}

}
