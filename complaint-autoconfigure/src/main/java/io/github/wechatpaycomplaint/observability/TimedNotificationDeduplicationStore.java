package io.github.wechatpaycomplaint.observability;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.notification.NotificationClaim;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A {@link NotificationDeduplicationStore} that times every call of the store it wraps as
 * {@value #METRIC_NAME}, tagged with the {@code operation} ({@code claim},
 * {@code mark_done}, {@code release}), the {@code store} ({@code memory}, {@code jdbc},
 * {@code redis} or {@code custom}) and the {@code outcome} ({@code success} or
 * {@code error}).
 *
 * @since 0.1.0
 */
public final class TimedNotificationDeduplicationStore implements NotificationDeduplicationStore {

	/** Name of the timer. */
	public static final String METRIC_NAME = "wechatpay.complaint.notification.deduplication";

	private static final String STORES = "io.github.wechatpaycomplaint.notification.store.";

	private final NotificationDeduplicationStore delegate;

	private final Timer claimSuccess;

	private final Timer claimError;

	private final Timer markDoneSuccess;

	private final Timer markDoneError;

	private final Timer releaseSuccess;

	private final Timer releaseError;

	/**
	 * Wraps a store.
	 * @param delegate the store that does the work
	 * @param registry where the timers are registered
	 */
	public TimedNotificationDeduplicationStore(NotificationDeduplicationStore delegate, MeterRegistry registry) {
		this.delegate = Objects.requireNonNull(delegate, "delegate");
		String store = storeType(delegate);
		this.claimSuccess = timer(registry, "claim", store, "success");
		this.claimError = timer(registry, "claim", store, "error");
		this.markDoneSuccess = timer(registry, "mark_done", store, "success");
		this.markDoneError = timer(registry, "mark_done", store, "error");
		this.releaseSuccess = timer(registry, "release", store, "success");
		this.releaseError = timer(registry, "release", store, "error");
	}

	/**
	 * The {@code store} tag of a store.
	 * @param store the store
	 * @return {@code memory}, {@code jdbc}, {@code redis} or {@code custom}
	 */
	static String storeType(NotificationDeduplicationStore store) {
		// By name: comparing classes would load the stores, and with them Caffeine, JDBC
		// or Redis, which may be absent.
		switch (store.getClass().getName()) {
			case STORES + "CaffeineNotificationDeduplicationStore":
				return "memory";
			case STORES + "JdbcNotificationDeduplicationStore":
				return "jdbc";
			case STORES + "RedisNotificationDeduplicationStore":
				return "redis";
			default:
				return "custom";
		}
	}

	private static Timer timer(MeterRegistry registry, String operation, String store, String outcome) {
		return Timer.builder(METRIC_NAME)
			.description("Calls to the notification de-duplication store")
			.tag("operation", operation)
			.tag("store", store)
			.tag("outcome", outcome)
			.register(registry);
	}

	/**
	 * The wrapped store.
	 * @return the store
	 */
	public NotificationDeduplicationStore getDelegate() {
		return this.delegate;
	}

	@Override
	public NotificationClaim claim(String notificationId, Duration lease) {
		return timed(this.claimSuccess, this.claimError, () -> this.delegate.claim(notificationId, lease));
	}

	@Override
	public boolean markDone(NotificationClaim claim, Duration timeToLive) {
		return timed(this.markDoneSuccess, this.markDoneError, () -> this.delegate.markDone(claim, timeToLive));
	}

	@Override
	public void release(NotificationClaim claim) {
		timed(this.releaseSuccess, this.releaseError, () -> {
			this.delegate.release(claim);
			return null;
		});
	}

	@Override
	public void checkAvailable() {
		this.delegate.checkAvailable();
	}

	private static <T> T timed(Timer success, Timer error, Supplier<T> call) {
		long start = System.nanoTime();
		try {
			T result = call.get();
			success.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			return result;
		}
		catch (RuntimeException ex) {
			error.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			throw ex;
		}
	}

	@Override
	public String toString() {
		return "Timed(" + this.delegate + ")";
	}

}
