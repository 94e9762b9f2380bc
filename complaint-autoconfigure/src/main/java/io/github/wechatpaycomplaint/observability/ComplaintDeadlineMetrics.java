package io.github.wechatpaycomplaint.observability;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.github.wechatpaycomplaint.deadline.LatestDeadlineSnapshot;
import io.github.wechatpaycomplaint.deadline.MerchantDeadlineSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Gauges of the complaint deadlines, per merchant (tag {@code merchant}, the entry name)
 * or, without the merchant tag, over all merchants: {@value #OPEN},
 * {@value #AWAITING_REPLY}, {@value #OVERDUE} and {@value #OLDEST_AWAITING_REPLY}
 * (seconds). The gauges read the snapshot {@link #refresh()} took over from the
 * {@link LatestDeadlineSnapshot} (after each deadline scan), so a scrape costs nothing
 * however many complaints are open; a merchant's gauges appear with its first complaint
 * and read zero once it has none.
 *
 * @since 0.1.0
 */
public final class ComplaintDeadlineMetrics {

	/** Open complaints. */
	public static final String OPEN = "wechatpay.complaint.deadlines.open";

	/** Open complaints awaiting the merchant's first reply. */
	public static final String AWAITING_REPLY = "wechatpay.complaint.deadlines.awaiting.reply";

	/** Open complaints past a running deadline. */
	public static final String OVERDUE = "wechatpay.complaint.deadlines.overdue";

	/** Age of the oldest complaint awaiting a first reply, in seconds. */
	public static final String OLDEST_AWAITING_REPLY = "wechatpay.complaint.deadlines.oldest.awaiting.reply";

	// The key of the one set of gauges without the merchant tag.
	private static final String ALL = "";

	private final LatestDeadlineSnapshot latest;

	private final MeterRegistry registry;

	private final boolean merchantTag;

	private final Set<String> registered = ConcurrentHashMap.newKeySet();

	// Gauges hold this object strongly: they keep reading after a caller drops it.
	private volatile Map<String, MerchantDeadlineSummary> snapshot = Map.of();

	/**
	 * Creates the gauges (those over all merchants at once) and reads the latest snapshot
	 * (taking the first one if no scan has yet).
	 * @param latest the snapshot refreshed after each scan
	 * @param registry where the gauges are registered
	 * @param merchantTag whether the gauges are per merchant
	 */
	public ComplaintDeadlineMetrics(LatestDeadlineSnapshot latest, MeterRegistry registry, boolean merchantTag) {
		this.latest = Objects.requireNonNull(latest, "latest");
		this.registry = Objects.requireNonNull(registry, "registry");
		this.merchantTag = merchantTag;
		if (!merchantTag) {
			register(ALL);
		}
		refresh();
	}

	/**
	 * Reads the latest snapshot (refresh the {@link LatestDeadlineSnapshot} first),
	 * registering the gauges of merchants seen for the first time.
	 */
	public void refresh() {
		Map<String, MerchantDeadlineSummary> summaries = this.latest.get().summaries();
		this.snapshot = summaries;
		if (this.merchantTag) {
			summaries.keySet().forEach(this::register);
		}
	}

	private void register(String merchant) {
		if (!this.registered.add(merchant)) {
			return;
		}
		Tags tags = this.merchantTag ? Tags.of("merchant", merchant) : Tags.empty();
		gauge(OPEN, "Open complaints", merchant, tags, MerchantDeadlineSummary::open);
		gauge(AWAITING_REPLY, "Open complaints awaiting the merchant's first reply", merchant, tags,
				MerchantDeadlineSummary::awaitingFirstReply);
		gauge(OVERDUE, "Open complaints past a deadline", merchant, tags, MerchantDeadlineSummary::overdue);
		Gauge.builder(OLDEST_AWAITING_REPLY, this, (metrics) -> metrics.oldest(merchant))
			.description("Age of the oldest complaint awaiting a first reply")
			.baseUnit("seconds")
			.tags(tags)
			.strongReference(true)
			.register(this.registry);
	}

	private void gauge(String name, String description, String merchant, Tags tags,
			ToDoubleFunction<MerchantDeadlineSummary> value) {
		Gauge.builder(name, this, (metrics) -> metrics.sum(merchant, value))
			.description(description)
			.tags(tags)
			.strongReference(true)
			.register(this.registry);
	}

	private double sum(String merchant, ToDoubleFunction<MerchantDeadlineSummary> value) {
		if (this.merchantTag) {
			MerchantDeadlineSummary summary = this.snapshot.get(merchant);
			return (summary != null) ? value.applyAsDouble(summary) : 0;
		}
		return this.snapshot.values().stream().mapToDouble(value).sum();
	}

	private double oldest(String merchant) {
		Duration oldest = Duration.ZERO;
		for (MerchantDeadlineSummary summary : this.snapshot.values()) {
			if ((!this.merchantTag || summary.merchantName().equals(merchant))
					&& summary.oldestAwaitingReply().compareTo(oldest) > 0) {
				oldest = summary.oldestAwaitingReply();
			}
		}
		return oldest.toMillis() / 1000.0;
	}

	@Override
	public String toString() {
		return "ComplaintDeadlineMetrics";
	}

}
