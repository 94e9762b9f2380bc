package io.github.wechatpaycomplaint.observability;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import io.github.wechatpaycomplaint.notification.ComplaintNotificationObserver;
import io.github.wechatpaycomplaint.notification.NotificationRejection;
import org.jspecify.annotations.Nullable;

/**
 * Remembers when the last genuine notification (handled, duplicate, or with a failed
 * listener) arrived, for the health indicator.
 *
 * @since 0.1.0
 */
public final class NotificationActivity implements ComplaintNotificationObserver {

	private final Clock clock;

	private final AtomicReference<@Nullable Instant> last = new AtomicReference<>();

	/**
	 * Creates a tracker.
	 * @param clock the clock
	 */
	public NotificationActivity(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	@Override
	public void handled() {
		this.last.set(this.clock.instant());
	}

	@Override
	public void duplicate() {
		this.last.set(this.clock.instant());
	}

	@Override
	public void refused(NotificationRejection rejection) {
		// A failed listener means the notification itself was genuine; other refusals may
		// be anyone's traffic.
		if (rejection == NotificationRejection.LISTENER_FAILED) {
			this.last.set(this.clock.instant());
		}
	}

	/**
	 * When the last genuine notification arrived.
	 * @return the instant, or {@code null} when none arrived since startup
	 */
	public @Nullable Instant getLastNotification() {
		return this.last.get();
	}

	@Override
	public String toString() {
		return "NotificationActivity";
	}

}
