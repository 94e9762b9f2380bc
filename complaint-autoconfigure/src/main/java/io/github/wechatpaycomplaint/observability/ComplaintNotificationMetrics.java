package io.github.wechatpaycomplaint.observability;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.wechatpaycomplaint.notification.ComplaintNotificationObserver;
import io.github.wechatpaycomplaint.notification.NotificationRejection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

/**
 * Counts deliveries to the notification endpoint as {@value #METRIC_NAME}, tagged with
 * the {@code outcome} ({@code handled}, {@code duplicate}, {@code refused},
 * {@code listener_failed}), for refusals the {@code reason} (a
 * {@link NotificationRejection} name; {@code none} otherwise) and, when asked, the
 * {@code merchant}: the entry name of the merchant whose path the delivery came to or
 * whose key verified it, {@value #UNKNOWN_MERCHANT} when there is none (say, a serial of
 * no merchant). Only configured names are tag values, never text from a request.
 *
 * @since 0.1.0
 */
public final class ComplaintNotificationMetrics implements ComplaintNotificationObserver {

	/** Name of the counter. */
	public static final String METRIC_NAME = "wechatpay.complaint.notifications";

	/** The {@code merchant} tag of a delivery no merchant is known for. */
	public static final String UNKNOWN_MERCHANT = "unknown";

	private final MeterRegistry registry;

	private final boolean merchantTag;

	// Without the merchant tag only.
	private final @Nullable Counter handled;

	private final @Nullable Counter duplicate;

	private final Map<NotificationRejection, Counter> refused = new EnumMap<>(NotificationRejection.class);

	/**
	 * Creates the counters without a {@code merchant} tag, all of them up front so that a
	 * dashboard sees zeros rather than nothing.
	 * @param registry where the counters are registered
	 */
	public ComplaintNotificationMetrics(MeterRegistry registry) {
		this(registry, false, List.of());
	}

	/**
	 * Creates the counters, those of the given merchants up front so that a dashboard
	 * sees zeros rather than nothing.
	 * @param registry where the counters are registered
	 * @param merchantTag whether to tag each delivery with its merchant
	 * @param merchantNames the merchants known now, whose counters start at zero
	 */
	public ComplaintNotificationMetrics(MeterRegistry registry, boolean merchantTag, Collection<String> merchantNames) {
		this.registry = Objects.requireNonNull(registry, "registry");
		this.merchantTag = merchantTag;
		// With the tag, the zeros are the known merchants'; the unknown merchant's
		// counters appear with its first refusal.
		for (String name : merchantTag ? merchantNames : List.<String>of()) {
			counter(name, "handled", "none");
			counter(name, "duplicate", "none");
			for (NotificationRejection rejection : NotificationRejection.values()) {
				counter(name, outcome(rejection), rejection.name());
			}
		}
		this.handled = merchantTag ? null : counter(null, "handled", "none");
		this.duplicate = merchantTag ? null : counter(null, "duplicate", "none");
		if (!merchantTag) {
			for (NotificationRejection rejection : NotificationRejection.values()) {
				this.refused.put(rejection, counter(null, outcome(rejection), rejection.name()));
			}
		}
	}

	private static String outcome(NotificationRejection rejection) {
		return (rejection == NotificationRejection.LISTENER_FAILED) ? "listener_failed" : "refused";
	}

	// Without the merchant tag the counters are kept; with it, the registry finds each
	// merchant's counter (a map lookup).
	private Counter counter(@Nullable String merchantName, String outcome, String reason) {
		Tags tags = Tags.of("outcome", outcome, "reason", reason);
		if (this.merchantTag) {
			tags = tags.and("merchant", (merchantName != null) ? merchantName : UNKNOWN_MERCHANT);
		}
		return Counter.builder(METRIC_NAME)
			.description("Deliveries to the complaint notification endpoint")
			.tags(tags)
			.register(this.registry);
	}

	@Override
	public void handled() {
		handled(UNKNOWN_MERCHANT);
	}

	@Override
	public void duplicate() {
		duplicate(UNKNOWN_MERCHANT);
	}

	@Override
	public void refused(NotificationRejection rejection) {
		refused(rejection, null);
	}

	@Override
	public void handled(String merchantName) {
		((this.handled != null) ? this.handled : counter(merchantName, "handled", "none")).increment();
	}

	@Override
	public void duplicate(String merchantName) {
		((this.duplicate != null) ? this.duplicate : counter(merchantName, "duplicate", "none")).increment();
	}

	@Override
	public void refused(NotificationRejection rejection, @Nullable String merchantName) {
		(this.merchantTag ? counter(merchantName, outcome(rejection), rejection.name()) : this.refused.get(rejection))
			.increment();
	}

	@Override
	public String toString() {
		return "ComplaintNotificationMetrics";
	}

}
