package io.github.wechatpaycomplaint.observability;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import io.github.wechatpaycomplaint.notification.inbox.InboxBacklog;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the inbox of durable processing, with the details {@code pending},
 * {@code failed} and, while entries are pending, {@code oldestPendingSince} and
 * {@code oldestPendingAge}. Parked entries leave it {@code UP} unless a status is chosen
 * for them: they wait for an operator, while new notifications are recorded and
 * published. It is {@code DOWN} while the inbox cannot be read, with the exception class
 * only (a database's message may quote data).
 *
 * @since 0.1.0
 */
public final class NotificationInboxHealthIndicator implements HealthIndicator {

	private final NotificationInbox inbox;

	private final Clock clock;

	private final Status failedStatus;

	/**
	 * Creates an indicator.
	 * @param inbox the inbox
	 * @param clock the clock of the ages, the inbox's
	 * @param failedStatus the status while entries are parked, such as {@link Status#UP}
	 */
	public NotificationInboxHealthIndicator(NotificationInbox inbox, Clock clock, Status failedStatus) {
		this.inbox = Objects.requireNonNull(inbox, "inbox");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.failedStatus = Objects.requireNonNull(failedStatus, "failedStatus");
	}

	@Override
	public Health health() {
		InboxBacklog backlog;
		try {
			backlog = this.inbox.backlog();
		}
		catch (RuntimeException ex) {
			return Health.down().withDetail("error", ex.getClass().getName()).build();
		}
		Health.Builder builder = Health.status((backlog.failed() > 0) ? this.failedStatus : Status.UP)
			.withDetail("pending", backlog.pending())
			.withDetail("failed", backlog.failed());
		Instant since = backlog.oldestPendingSince();
		if (since != null) {
			builder.withDetail("oldestPendingSince", since.toString())
				.withDetail("oldestPendingAge", InboxAge.between(since, this.clock.instant()).toString());
		}
		return builder.build();
	}

}
