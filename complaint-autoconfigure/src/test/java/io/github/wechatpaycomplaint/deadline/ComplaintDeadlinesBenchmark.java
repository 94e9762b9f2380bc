package io.github.wechatpaycomplaint.deadline;

import java.lang.ref.Reference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.crypto.SignedHeaders;
import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import io.github.wechatpaycomplaint.merchant.WechatPayPublicKey;
import io.github.wechatpaycomplaint.multimerchant.HeapMeter;
import io.github.wechatpaycomplaint.notification.ComplaintNotificationHandler;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.NotificationMerchant;
import io.github.wechatpaycomplaint.notification.NotificationThroughputBenchmark;
import io.github.wechatpaycomplaint.notification.SingleNotificationMerchants;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.github.wechatpaycomplaint.testsupport.Vectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The complaint deadlines with 100,000 open complaints across 100 merchants, as issue 16
 * asks: the heap the memory ledger takes, the time of one deadline scan (the catch-up
 * scan after a start, a scan with nothing due, and a scan a minute later) on each ledger,
 * the time of the summaries the gauges and health read, and the cost per notification of
 * recording into the ledger, against the same pipeline without deadlines in the same run
 * (batches of 50 taking turns, as in {@link NotificationThroughputBenchmark}). Run it
 * with:
 *
 * <pre>
 * ./mvnw -B -q -Pbenchmark -pl complaint-autoconfigure -am process-test-classes \
 *     -Dexec.mainClass=io.github.wechatpaycomplaint.deadline.ComplaintDeadlinesBenchmark \
 *     -Dexec.args="parts=heap,scan,notification stores=memory"
 * </pre>
 *
 * Arguments: {@code parts=} any of heap, scan, notification; {@code stores=} any of the
 * ledgers {@link BenchmarkLedgers} knows; {@code complaints=} (default 100000);
 * {@code notifications=} per round (default 1000); {@code facts=} any of filing (each
 * notification files a new complaint) and reply (each replies to a complaint the ledger
 * holds), default both.
 */
public final class ComplaintDeadlinesBenchmark {

	static final int MERCHANTS = 100;

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final DeadlineRules RULES = DeadlineRules.WECHAT_PAY;

	private static final int BATCH = 50;

	private static final int WARM_UP_ROUNDS = 4;

	private static final int ROUNDS = 7;

	private ComplaintDeadlinesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Set<String> parts = Set.of(argument(args, "parts", "heap,scan,notification").split(","));
		List<String> stores = List.of(argument(args, "stores", "memory").split(","));
		int complaints = Integer.parseInt(argument(args, "complaints", "100000"));
		int notifications = Integer.parseInt(argument(args, "notifications", "1000"));
		System.out.printf(Locale.ROOT, "%d complaints across %d merchants; %d CPUs; Java %s%n", complaints, MERCHANTS,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		if (parts.contains("heap")) {
			heap(complaints);
		}
		for (String store : stores) {
			if (parts.contains("scan")) {
				scan(store, complaints);
			}
		}
		if (parts.contains("notification")) {
			for (String fact : argument(args, "facts", "filing,reply").split(",")) {
				List<SignedNotification> signed = sign(notifications * (WARM_UP_ROUNDS + ROUNDS), fact);
				for (String store : stores) {
					notification(store, complaints, notifications, signed, fact);
				}
			}
		}
		BenchmarkLedgers.closeAll();
	}

	private static void heap(int complaints) {
		long before = HeapMeter.retained();
		MemoryComplaintLedger ledger = new MemoryComplaintLedger(RULES, Clock.fixed(NOW, ZoneOffset.UTC));
		populate(ledger, complaints, 1);
		long after = HeapMeter.retained();
		System.out.printf(Locale.ROOT, "heap, memory ledger: %,d complaints retain %.1f MB, %.0f bytes each%n",
				ledger.size(), (after - before) / 1e6, (after - before) / (double) complaints);
		Reference.reachabilityFence(ledger);
	}

	/**
	 * Fills a ledger with complaints filed over the last 72 hours, evenly spread, two in
	 * five of them replied to an hour after filing, one in ten completed.
	 */
	static void populate(ComplaintLedger ledger, int complaints, int threads) {
		Duration spread = RULES.resolution();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> parts = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int first = t;
				parts.add(executor.submit(() -> {
					for (int i = first; i < complaints; i += threads) {
						ComplaintRef ref = ref(i);
						Instant filed = NOW.minus(spread.multipliedBy(i).dividedBy(complaints)).minusSeconds(1);
						ledger.record(ref, new ComplaintFact.Filed(filed));
						Instant replied = filed.plus(Duration.ofHours(1));
						if (i % 5 < 2 && replied.isBefore(NOW)) {
							ledger.record(ref, new ComplaintFact.MerchantReplied(replied));
						}
						if (i % 10 == 9) {
							ledger.record(ref, new ComplaintFact.Completed(filed.plus(Duration.ofMinutes(90))));
						}
					}
				}));
			}
			for (Future<?> part : parts) {
				part.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			executor.shutdownNow();
		}
	}

	static ComplaintRef ref(int i) {
		int merchant = i % MERCHANTS;
		return new ComplaintRef("merchant-" + merchant, String.valueOf(1_900_000_000 + merchant),
				String.format(Locale.ROOT, "2000000202612%014d", i));
	}

	private static void scan(String store, int complaints) {
		MutableClock clock = new MutableClock(NOW);
		ComplaintLedger ledger = BenchmarkLedgers.create(store, RULES, clock);
		long start = System.nanoTime();
		populate(ledger, complaints, ledger.isShared() ? 8 : 1);
		double fillSeconds = (System.nanoTime() - start) / 1e9;
		AtomicLong events = new AtomicLong();
		ApplicationEventPublisher publisher = (event) -> events.incrementAndGet();
		DeadlineWatcher watcher = new DeadlineWatcher(ledger, RULES, publisher, clock, 500);
		start = System.nanoTime();
		int catchUp = watcher.scan();
		double catchUpMs = (System.nanoTime() - start) / 1e6;
		double[] idle = new double[5];
		for (int i = 0; i < idle.length; i++) {
			idle[i] = timeMs(watcher::scan);
		}
		double[] minute = new double[5];
		long minuteEvents = 0;
		for (int i = 0; i < minute.length; i++) {
			clock.advance(Duration.ofMinutes(1));
			long eventsBefore = events.get();
			minute[i] = timeMs(watcher::scan);
			minuteEvents += events.get() - eventsBefore;
		}
		ComplaintDeadlines deadlines = new ComplaintDeadlines(ledger, RULES, clock);
		double[] summaries = new double[5];
		double[] urgent = new double[5];
		double[] snapshot = new double[5];
		for (int i = 0; i < summaries.length; i++) {
			summaries[i] = timeMs(deadlines::summaries);
			urgent[i] = timeMs(() -> deadlines.urgent(20));
			snapshot[i] = timeMs(() -> deadlines.snapshot(10));
		}
		int open = deadlines.summaries().values().stream().mapToInt(MerchantDeadlineSummary::open).sum();
		System.out.printf(Locale.ROOT, "scan, %s ledger: filled %,d complaints (%,d open) in %.1f s%n", store,
				complaints, open, fillSeconds);
		System.out.printf(Locale.ROOT, "  catch-up scan after a start: %,.0f ms, %,d events%n", catchUpMs, catchUp);
		System.out.printf(Locale.ROOT, "  scan with nothing due      : %,.2f ms (median of %d)%n", median(idle),
				idle.length);
		System.out.printf(Locale.ROOT, "  scan one minute later      : %,.2f ms (median of %d), %.1f events each%n",
				median(minute), minute.length, minuteEvents / (double) minute.length);
		System.out.printf(Locale.ROOT,
				"  summaries (gauges, health) : %,.1f ms; urgent(20): %,.0f ms (medians of %d)%n", median(summaries),
				median(urgent), summaries.length);
		System.out.printf(Locale.ROOT, "  snapshot after each scan   : %,.0f ms (summaries and the 10 most overdue)%n",
				median(snapshot));
		BenchmarkLedgers.clear(store);
	}

	private static void notification(String store, int complaints, int perRound, List<SignedNotification> signed,
			String fact) {
		MutableClock clock = new MutableClock(NOW);
		ComplaintLedger ledger = BenchmarkLedgers.create(store, RULES, clock);
		populate(ledger, complaints, ledger.isShared() ? 8 : 1);
		if (fact.equals("reply")) {
			// The complaints the replies answer, filed before the run.
			for (int i = 0; i < signed.size(); i++) {
				ledger.record(new ComplaintRef(SingleNotificationMerchants.DEFAULT_NAME, Vectors.key("mchid"),
						benchmarkComplaintId(i)), new ComplaintFact.Filed(NOW.minus(Duration.ofHours(2))));
			}
		}
		double readMicros = readMicros(ledger);
		AtomicLong delivered = new AtomicLong();
		try (GenericApplicationContext without = context(delivered, null);
				GenericApplicationContext with = context(delivered,
						new ComplaintLedgerFeeder(ledger, RULES, (event) -> {
						}, clock))) {
			double[] ratios = new double[ROUNDS];
			double[] withoutRates = new double[ROUNDS];
			double[] withRates = new double[ROUNDS];
			for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
				int from = (round + WARM_UP_ROUNDS) * perRound;
				List<SignedNotification> batch = signed.subList(from, from + perRound);
				double[] rates = round(handler(without, BenchmarkLedgers.deduplicationStore(store, "without")),
						handler(with, BenchmarkLedgers.deduplicationStore(store, "with")), batch);
				if (round >= 0) {
					withoutRates[round] = rates[0];
					withRates[round] = rates[1];
					ratios[round] = rates[1] / rates[0];
				}
			}
			long expected = 2L * perRound * (WARM_UP_ROUNDS + ROUNDS);
			System.out.printf(Locale.ROOT,
					"notification (%s), %s ledger (de-duplication in the same store); one ledger read %.0f µs:%n", fact,
					store, readMicros);
			System.out.printf(Locale.ROOT, "  pipeline without deadlines: %,10.0f notifications/s (median of %d)%n",
					median(withoutRates), ROUNDS);
			System.out.printf(Locale.ROOT, "  pipeline with deadlines   : %,10.0f notifications/s (median of %d)%n",
					median(withRates), ROUNDS);
			System.out.printf(Locale.ROOT,
					"  ratio with / without      : %10.3f (median; rounds %s; target >= 0.95); events %d of %d%n",
					median(ratios), Arrays.toString(round3(ratios)), delivered.get(), expected);
			System.out.printf(Locale.ROOT, "  added per notification    : %10.0f µs (median rates)%n",
					1e6 / median(withRates) - 1e6 / median(withoutRates));
		}
		BenchmarkLedgers.clear(store);
	}

	private static double[] round(ComplaintNotificationHandler without, ComplaintNotificationHandler with,
			List<SignedNotification> notifications) {
		System.gc();
		long[] nanos = new long[2];
		for (int from = 0, batch = 0; from < notifications.size(); from += BATCH, batch++) {
			int to = Math.min(from + BATCH, notifications.size());
			for (int k = 0; k < 2; k++) {
				int contender = (batch + k) % 2;
				ComplaintNotificationHandler handler = (contender == 0) ? without : with;
				long start = System.nanoTime();
				for (SignedNotification notification : notifications.subList(from, to)) {
					if (handler.handle(SignedHeaders.from(notification.headers()::get),
							notification.body()) != ComplaintNotificationHandler.Outcome.HANDLED) {
						throw new IllegalStateException("Not handled");
					}
				}
				nanos[contender] += System.nanoTime() - start;
			}
		}
		return new double[] { notifications.size() / (nanos[0] / 1e9), notifications.size() / (nanos[1] / 1e9) };
	}

	private static GenericApplicationContext context(AtomicLong delivered, ComplaintLedgerFeeder feeder) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean("counter", ApplicationListener.class,
				() -> (ApplicationListener<ComplaintNotificationEvent>) (event) -> delivered.incrementAndGet());
		if (feeder != null) {
			context.registerBean("feeder", ComplaintLedgerFeeder.class, () -> feeder);
		}
		context.refresh();
		return context;
	}

	private static ComplaintNotificationHandler handler(GenericApplicationContext context,
			NotificationDeduplicationStore store) {
		WechatPayPublicKey key = new WechatPayPublicKey(Vectors.key("wechatpay_public_key_id"),
				PemKeys.publicKey(Vectors.key("wechatpay_public_key_pem")));
		NotificationMerchant merchant = new NotificationMerchant(SingleNotificationMerchants.DEFAULT_NAME,
				Vectors.key("mchid"), key, Vectors.key("api_v3_key"));
		return new ComplaintNotificationHandler(new SingleNotificationMerchants(merchant),
				Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5), store, context, Duration.ofMinutes(5),
				Duration.ofDays(8));
	}

	// The median time of one read of a known complaint: one round trip to a shared
	// store, with the operation's hand-off to a worker thread.
	private static double readMicros(ComplaintLedger ledger) {
		double[] micros = new double[2000];
		for (int i = 0; i < micros.length; i++) {
			ComplaintRef ref = ref(i);
			long start = System.nanoTime();
			ledger.find(ref.merchantName(), ref.complaintId()).orElseThrow();
			micros[i] = (System.nanoTime() - start) / 1e3;
		}
		return median(Arrays.copyOfRange(micros, 500, micros.length));
	}

	/**
	 * Distinct complaints, each announced by its own notification: a filing (each
	 * notification adds a complaint to the ledger) or the merchant's reply (each changes
	 * a complaint the ledger holds).
	 */
	private static List<SignedNotification> sign(int count, String fact) {
		System.out.printf(Locale.ROOT, "Signing %,d notifications (%s)...%n", count, fact);
		SignedNotificationBuilder builder = NotificationContexts.notificationWithVectorKeys(NOW.getEpochSecond())
			.actionType(switch (fact) {
				case "filing" -> "CREATE_COMPLAINT";
				case "reply" -> "MERCHANT_RESPONSE";
				default -> throw new IllegalArgumentException("facts= takes filing and reply, not " + fact);
			})
			.createTime(OffsetDateTime.ofInstant(NOW.minusSeconds(30), ZoneOffset.ofHours(8)));
		List<SignedNotification> signed = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			signed.add(builder.id("deadline-bench-" + fact + "-" + i).complaintId(benchmarkComplaintId(i)).build());
		}
		return signed;
	}

	private static String benchmarkComplaintId(int i) {
		return String.format(Locale.ROOT, "2000000202612%014d", 900_000_000 + i);
	}

	private static double timeMs(Supplier<?> action) {
		long start = System.nanoTime();
		action.get();
		return (System.nanoTime() - start) / 1e6;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static String[] round3(double[] values) {
		return Arrays.stream(values)
			.mapToObj((value) -> String.format(Locale.ROOT, "%.3f", value))
			.toArray(String[]::new);
	}

	private static String argument(String[] args, String name, String fallback) {
		for (String arg : args) {
			for (String part : arg.split("\\s+")) {
				if (part.startsWith(name + "=")) {
					return part.substring(name.length() + 1);
				}
			}
		}
		return fallback;
	}

}
