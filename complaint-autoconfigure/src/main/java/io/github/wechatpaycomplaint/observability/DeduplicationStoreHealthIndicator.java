package io.github.wechatpaycomplaint.observability;

import java.util.Objects;

import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the notification de-duplication store: DOWN while the database or Redis
 * behind it cannot be reached (or the JDBC table is missing), since every notification is
 * then answered with 500 until it is back. The check is bounded by the store's operation
 * timeout.
 *
 * @since 0.1.0
 */
public final class DeduplicationStoreHealthIndicator extends AbstractHealthIndicator {

	private final NotificationDeduplicationStore store;

	private final String storeType;

	/**
	 * Creates an indicator.
	 * @param store the store, possibly timed
	 */
	public DeduplicationStoreHealthIndicator(NotificationDeduplicationStore store) {
		super("WeChat Pay complaint de-duplication store health check failed");
		this.store = Objects.requireNonNull(store, "store");
		this.storeType = TimedNotificationDeduplicationStore
			.storeType((store instanceof TimedNotificationDeduplicationStore timed) ? timed.getDelegate() : store);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("store", this.storeType);
		try {
			this.store.checkAvailable();
			builder.up();
		}
		catch (RuntimeException ex) {
			builder.down().withDetail("error", ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

}
