package io.github.wechatpaycomplaint.observability;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import io.github.wechatpaycomplaint.notification.ComplaintNotificationObserver;
import io.github.wechatpaycomplaint.notification.NotificationRejection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts deliveries to the notification endpoint as {@value #METRIC_NAME}, tagged with
 * the {@code outcome} ({@code handled}, {@code duplicate}, {@code refused},
 * {@code listener_failed}) and, for refusals, the {@code reason} (a
 * {@link NotificationRejection} name; {@code none} otherwise).
 *
 * @since 0.1.0
 */
public final class ComplaintNotificationMetrics implements ComplaintNotificationObserver {

	/** Name of the counter. */
	public static final String METRIC_NAME = "wechatpay.complaint.notifications";

	private final Counter handled;

	private final Counter duplicate;

	private final Map<NotificationRejection, Counter> refused = new EnumMap<>(NotificationRejection.class);

	/**
	 * Creates the counters, all of them up front so that a dashboard sees zeros rather
	 * than nothing.
	 * @param registry where the counters are registered
	 */
	public ComplaintNotificationMetrics(MeterRegistry registry) {
		Objects.requireNonNull(registry, "registry");
		this.handled = counter(registry, "handled", "none");
		this.duplicate = counter(registry, "duplicate", "none");
		for (NotificationRejection rejection : NotificationRejection.values()) {
			String outcome = (rejection == NotificationRejection.LISTENER_FAILED) ? "listener_failed" : "refused";
			this.refused.put(rejection, counter(registry, outcome, rejection.name()));
		}
	}

	private static Counter counter(MeterRegistry registry, String outcome, String reason) {
		return Counter.builder(METRIC_NAME)
			.description("Deliveries to the complaint notification endpoint")
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(registry);
	}

	@Override
	public void handled() {
		this.handled.increment();
	}

	@Override
	public void duplicate() {
		this.duplicate.increment();
	}

	@Override
	public void refused(NotificationRejection rejection) {
		this.refused.get(rejection).increment();
	}

	@Override
	public String toString() {
		return "ComplaintNotificationMetrics";
	}

}
