package io.github.wechatpaycomplaint.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.github.wechatpaycomplaint.notification.inbox.InboxBacklog;
import io.github.wechatpaycomplaint.notification.inbox.InboxPassObserver;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Meters of durable processing: the gauges {@value #PENDING}, {@value #FAILED} (parked
 * entries) and {@value #OLDEST_PENDING_AGE} (seconds since the oldest pending entry
 * started its attempts: its first listener pass, else its recording or replay; 0 when
 * none is pending), and the timer {@value #PASSES} of the worker's passes, tagged with
 * the {@code outcome} ({@code done}, {@code retry}, {@code parked}, {@code lost}) and,
 * when asked, the {@code merchant} (its entry name).
 *
 * <p>
 * The gauges read the inbox's backlog at most once per {@link #BACKLOG_REFRESH} however
 * often they are scraped, so a scrape does not query the database each time; they show
 * NaN while the inbox cannot be read.
 *
 * @since 0.1.0
 */
public final class NotificationInboxMetrics implements InboxPassObserver {

	/** Name of the gauge of pending entries. */
	public static final String PENDING = "wechatpay.complaint.inbox.pending";

	/** Name of the gauge of parked entries. */
	public static final String FAILED = "wechatpay.complaint.inbox.failed";

	/** Name of the gauge of the oldest pending entry's age. */
	public static final String OLDEST_PENDING_AGE = "wechatpay.complaint.inbox.oldest.pending.age";

	/** Name of the timer of the worker's passes. */
	public static final String PASSES = "wechatpay.complaint.inbox.passes";

	/** The longest time the gauges show a backlog read before. */
	public static final Duration BACKLOG_REFRESH = Duration.ofSeconds(5);

	private final MeterRegistry registry;

	private final boolean merchantTag;

	private final CachedInboxBacklog backlog;

	private final Clock clock;

	// Without the merchant tag only.
	private final Map<Outcome, Timer> passes = new EnumMap<>(Outcome.class);

	/**
	 * Registers the gauges, and the timers of the given merchants up front so that a
	 * dashboard sees zeros rather than nothing.
	 * @param registry where the meters are registered
	 * @param inbox the inbox whose backlog the gauges show
	 * @param clock the clock of the ages, the inbox's
	 * @param merchantTag whether to tag each pass with its merchant
	 * @param merchantNames the merchants known now, whose timers start at zero
	 */
	public NotificationInboxMetrics(MeterRegistry registry, NotificationInbox inbox, Clock clock, boolean merchantTag,
			Collection<String> merchantNames) {
		this(registry, inbox, clock, merchantTag, merchantNames, BACKLOG_REFRESH);
	}

	NotificationInboxMetrics(MeterRegistry registry, NotificationInbox inbox, Clock clock, boolean merchantTag,
			Collection<String> merchantNames, Duration backlogRefresh) {
		this.registry = Objects.requireNonNull(registry, "registry");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.merchantTag = merchantTag;
		this.backlog = new CachedInboxBacklog(inbox, clock, backlogRefresh);
		gauge(PENDING, "Complaint notifications waiting in the inbox for a successful listener pass",
				InboxBacklog::pending);
		gauge(FAILED, "Complaint notifications parked as failed, waiting for a replay or a discard",
				InboxBacklog::failed);
		TimeGauge.builder(OLDEST_PENDING_AGE, this, TimeUnit.SECONDS, (metrics) -> metrics.read(this::oldestPendingAge))
			.description("Time since the oldest pending complaint notification was first passed to the listener,"
					+ " else recorded or replayed")
			.strongReference(true)
			.register(registry);
		for (String name : merchantTag ? merchantNames : List.<String>of()) {
			for (Outcome outcome : Outcome.values()) {
				timer(name, outcome);
			}
		}
		if (!merchantTag) {
			for (Outcome outcome : Outcome.values()) {
				this.passes.put(outcome, timer(null, outcome));
			}
		}
	}

	private void gauge(String name, String description, ToDoubleFunction<InboxBacklog> value) {
		Gauge.builder(name, this, (metrics) -> metrics.read(value))
			.description(description)
			.strongReference(true)
			.register(this.registry);
	}

	private double read(ToDoubleFunction<InboxBacklog> value) {
		InboxBacklog current = this.backlog.get();
		return (current != null) ? value.applyAsDouble(current) : Double.NaN;
	}

	// Computed at each scrape from the cached time, so the age grows between reads.
	private double oldestPendingAge(InboxBacklog backlog) {
		Instant since = backlog.oldestPendingSince();
		if (since == null) {
			return 0;
		}
		return Math.max(0, this.clock.millis() - since.toEpochMilli()) / 1000.0;
	}

	private Timer timer(@Nullable String merchantName, Outcome outcome) {
		Tags tags = Tags.of("outcome", outcome.name().toLowerCase(Locale.ROOT));
		if (this.merchantTag) {
			tags = tags.and("merchant", Objects.requireNonNull(merchantName, "merchantName"));
		}
		return Timer.builder(PASSES)
			.description("Passes of the inbox worker over claimed complaint notifications")
			.tags(tags)
			.register(this.registry);
	}

	@Override
	public void passFinished(String merchantName, Outcome outcome, Duration duration) {
		Timer timer = this.merchantTag ? timer(merchantName, outcome) : this.passes.get(outcome);
		timer.record(duration);
	}

	@Override
	public String toString() {
		return "NotificationInboxMetrics";
	}

}
