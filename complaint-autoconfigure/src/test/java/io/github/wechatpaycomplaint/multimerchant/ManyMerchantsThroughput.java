package io.github.wechatpaycomplaint.multimerchant;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.github.wechatpaycomplaint.crypto.SignedHeaders;
import io.github.wechatpaycomplaint.notification.ComplaintNotificationHandler;
import io.github.wechatpaycomplaint.notification.NotificationMerchants;
import io.github.wechatpaycomplaint.notification.NotificationThroughputBenchmark;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Notifications per second through the handler (verify + decrypt + parse + de-duplicate
 * in memory + publish), single-threaded, with 1 merchant and with N, in two running
 * applications whose merchants are configured as entries: the handler asks each
 * application's {@link NotificationMerchants} (the registry) for the merchant. Four
 * contenders take the same number of distinct notifications in batches that take turns,
 * each batch starting with the next contender: the shared path, where
 * {@code Wechatpay-Serial} names the merchant, and {@code <path>/<name>}, each with 1
 * merchant and with N (the notifications for N spread over all of them, 3 each by
 * default). Every merchant is used during the warm-up rounds; the memory store of each
 * round already holds 50,000 ids, and garbage is collected before each round. The ratio
 * of N merchants to 1 is the median of the rounds' ratios.
 */
final class ManyMerchantsThroughput {

	private static final long NOW = 1_763_856_000L;

	private static final int BATCH = 50;

	private static final int WARM_UP_ROUNDS = 5;

	private static final String[] CONTENDERS = { "1 merchant, shared path", "N merchants, shared path",
			"1 merchant, <path>/<name>", "N merchants, <path>/<name>" };

	private ManyMerchantsThroughput() {
	}

	static List<String> run(int merchants, int count, int rounds) {
		System.out.printf(Locale.ROOT, "%nNotification throughput: 1 and %,d merchants, %,d notifications each, "
				+ "%d warm-up and %d measured rounds%n", merchants, count, WARM_UP_ROUNDS, rounds);
		BenchmarkMerchants keys = BenchmarkMerchants.generate();
		// RSA signing is the slow part of preparing the load: spread it over the cores.
		List<SignedNotification> one = IntStream.range(0, count)
			.parallel()
			.mapToObj((i) -> keys.notification(0, "one-" + i, Instant.ofEpochSecond(NOW)))
			.toList();
		List<SignedNotification> many = IntStream.range(0, count)
			.parallel()
			.mapToObj((i) -> keys.notification(i % merchants, "many-" + i, Instant.ofEpochSecond(NOW)))
			.toList();
		Counter delivered = new Counter();
		try (MerchantStandIn standIn = new MerchantStandIn(keys, 0, 0);
				ConfigurableApplicationContext oneApplication = ManyMerchantsBenchmark
					.start(ManyMerchantsBenchmark.WithStarter.class, keys.write(1, 0, standIn.baseUri()), delivered);
				ConfigurableApplicationContext manyApplication = ManyMerchantsBenchmark.start(
						ManyMerchantsBenchmark.WithStarter.class, keys.write(merchants, 0, standIn.baseUri()),
						delivered)) {
			ConfigurableApplicationContext[] applications = { oneApplication, manyApplication, oneApplication,
					manyApplication };
			List<List<SignedNotification>> loads = List.of(one, many, one, many);
			double[][] rates = new double[CONTENDERS.length][rounds];
			for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
				double[] roundRates = round(applications, loads, merchants);
				if (round >= 0) {
					for (int c = 0; c < CONTENDERS.length; c++) {
						rates[c][round] = roundRates[c];
					}
				}
			}
			System.out.printf(Locale.ROOT, "events delivered: %,d (expected %,d)%n", delivered.count.get(),
					4L * count * (rounds + WARM_UP_ROUNDS));
			for (int c = 0; c < CONTENDERS.length; c++) {
				System.out.printf(Locale.ROOT, "%-30s: %,8.0f notifications/s (median of %d rounds)%n",
						CONTENDERS[c].replace("N", String.format(Locale.ROOT, "%,d", merchants)),
						ManyMerchantsBenchmark.median(rates[c]), rounds);
			}
			return List.of(
					String.format(Locale.ROOT,
							"notifications %,d / 1 merchants, shared path: %.3f (median of the rounds' ratios; "
									+ "target >= 0.95)",
							merchants, medianRatio(rates[1], rates[0])),
					String.format(Locale.ROOT,
							"notifications %,d / 1 merchants, <path>/<name>: %.3f (median of the rounds' ratios; "
									+ "target >= 0.95)",
							merchants, medianRatio(rates[3], rates[2])));
		}
	}

	// Each round's two rates saw the same load: their ratio leaves out what changed from
	// round to round.
	private static double medianRatio(double[] many, double[] one) {
		double[] ratios = new double[many.length];
		for (int i = 0; i < many.length; i++) {
			ratios[i] = many[i] / one[i];
		}
		return ManyMerchantsBenchmark.median(ratios);
	}

	/**
	 * One round: the notifications in batches of {@value #BATCH}, each batch through each
	 * contender, each batch starting with the next contender.
	 * @return each contender's rate, per second
	 */
	private static double[] round(ConfigurableApplicationContext[] applications, List<List<SignedNotification>> loads,
			int merchants) {
		ComplaintNotificationHandler[] handlers = new ComplaintNotificationHandler[applications.length];
		for (int c = 0; c < applications.length; c++) {
			handlers[c] = handler(applications[c]);
		}
		// A round allocates far less than the young generation holds: collecting now
		// keeps a collection's pause out of the timed batches.
		System.gc();
		long[] nanos = new long[applications.length];
		int size = loads.get(0).size();
		for (int from = 0, batch = 0; from < size; from += BATCH, batch++) {
			int to = Math.min(from + BATCH, size);
			for (int k = 0; k < applications.length; k++) {
				int c = (batch + k) % applications.length;
				boolean byName = c >= 2;
				int merchantsOfLoad = (c % 2 == 0) ? 1 : merchants;
				List<SignedNotification> load = loads.get(c);
				long start = System.nanoTime();
				for (int i = from; i < to; i++) {
					SignedNotification notification = load.get(i);
					SignedHeaders headers = SignedHeaders.from(notification.headers()::get);
					ComplaintNotificationHandler.Outcome outcome = byName ? handlers[c]
						.handle(BenchmarkMerchants.name(i % merchantsOfLoad), headers, notification.body())
							: handlers[c].handle(headers, notification.body());
					if (outcome != ComplaintNotificationHandler.Outcome.HANDLED) {
						throw new IllegalStateException("Not handled: " + outcome);
					}
				}
				nanos[c] += System.nanoTime() - start;
			}
		}
		double[] rates = new double[applications.length];
		for (int c = 0; c < applications.length; c++) {
			rates[c] = size / (nanos[c] / 1e9);
		}
		return rates;
	}

	private static ComplaintNotificationHandler handler(ConfigurableApplicationContext application) {
		return new ComplaintNotificationHandler(application.getBean(NotificationMerchants.class),
				Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC), Duration.ofMinutes(5),
				NotificationThroughputBenchmark.warmStore(), application, Duration.ofMinutes(5), Duration.ofDays(8));
	}

	static final class Counter implements ApplicationListener<ComplaintNotificationEvent> {

		final AtomicLong count = new AtomicLong();

		@Override
		public void onApplicationEvent(ComplaintNotificationEvent event) {
			this.count.incrementAndGet();
		}

	}

}
