package io.github.wechatpaycomplaint.multimerchant;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import io.github.wechatpaycomplaint.autoconfigure.StartupBenchmark;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The heap each merchant retains, in a child process with the serial collector (whose
 * used heap after a full collection is exactly the live objects):
 * <ul>
 * <li>configured, not used: the retained heap of the application with N merchants less
 * that with 10, per merchant, with and without the starter (without it, what the
 * configuration text costs in Spring's environment), the four applications taking
 * turns;</li>
 * <li>after first use, in one application with N public-key merchants: the retained heap
 * once each merchant built its keys, signer, verifier, RestClient and client
 * ({@code merchants.client(name)}), and once each sent one signed request to a local
 * stand-in and verified the answer, less the heap before, per merchant. The first
 * merchant is used before the baseline, so that objects made once for all (the HTTP
 * client and its connection, class-level caches) are not spread over the others;</li>
 * <li>the same for certificate-mode merchants, whose first use also downloads their
 * platform certificate and starts their refresh schedule.</li>
 * </ul>
 * The classes whose live bytes grew most are listed, per merchant. Everything is measured
 * twice, in two child processes: with the soft references a JVM keeps while memory is to
 * spare (Spring's caches), and with {@code -XX:SoftRefLRUPolicyMSPerMB=0}, where every
 * collection clears them, leaving what is strongly reachable.
 */
final class ManyMerchantsHeap {

	static final String CHILD = "heap-child";

	private static final int SMALL = 10;

	private static final int TOP_CLASSES = 15;

	private ManyMerchantsHeap() {
	}

	static List<String> run(int merchants, int rounds, int certificateMerchants) throws Exception {
		System.out.printf(Locale.ROOT,
				"%nHeap: %d and %d configured merchants, %d rounds; first use of %d public-key-mode and %d "
						+ "certificate-mode merchants (child JVM, serial GC)%n",
				SMALL, merchants, rounds, merchants, certificateMerchants);
		System.out.println("Everything reachable (soft references kept, as when memory is to spare):");
		Properties all = measure(List.of(), merchants, rounds, certificateMerchants);
		System.out.println("Strongly reachable only (-XX:SoftRefLRUPolicyMSPerMB=0: each collection clears the "
				+ "soft references, caches that a JVM empties when memory runs short):");
		Properties strong = measure(List.of("-XX:SoftRefLRUPolicyMSPerMB=0"), merchants, rounds, certificateMerchants);
		return List.of(
				String.format(Locale.ROOT,
						"heap per merchant after first use: +%s over a configured one (+%s strongly reachable); "
								+ "%s with its configuration (target <= 64 KB)",
						kb(all, "used"), kb(strong, "used"), kb(bytes(all, "configured") + bytes(all, "used"))),
				String.format(Locale.ROOT,
						"heap per configured merchant before use: %s (%s strongly reachable, of which the "
								+ "configuration text in the environment %s) (target ~ 0)",
						kb(all, "configured"), kb(strong, "configured"), kb(strong, "configuration")),
				String.format(Locale.ROOT,
						"heap per certificate-mode merchant after first use: +%s (+%s strongly reachable), "
								+ "threads +%s per merchant",
						kb(all, "certificate"), kb(strong, "certificate"),
						all.getProperty("certificate-threads", "n/a")));
	}

	private static Properties measure(List<String> jvmOptions, int merchants, int rounds, int certificateMerchants)
			throws Exception {
		Path results = Files.createTempFile("heap-results", ".properties");
		try {
			List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xmx2g"));
			options.addAll(jvmOptions);
			ManyMerchantsBenchmark.runChild(options, true, CHILD, results.toString(), Integer.toString(merchants),
					Integer.toString(rounds), Integer.toString(certificateMerchants));
			Properties figures = new Properties();
			try (Reader in = Files.newBufferedReader(results)) {
				figures.load(in);
			}
			return figures;
		}
		finally {
			Files.deleteIfExists(results);
		}
	}

	private static double bytes(Properties figures, String key) {
		return Double.parseDouble(figures.getProperty(key, "NaN"));
	}

	private static String kb(Properties figures, String key) {
		return kb(bytes(figures, key));
	}

	private static String kb(double bytes) {
		return String.format(Locale.ROOT, "%.1f KB", bytes / 1024);
	}

	/**
	 * The measurements, in the child process.
	 */
	static void child(Path results, int merchants, int rounds, int certificateMerchants) {
		BenchmarkMerchants keys = BenchmarkMerchants.generate();
		Properties figures = new Properties();
		try (MerchantStandIn standIn = new MerchantStandIn(keys, merchants, certificateMerchants)) {
			configured(keys, standIn, merchants, rounds, figures);
			used(keys, standIn, merchants, certificateMerchants, figures);
		}
		try (Writer out = Files.newBufferedWriter(results)) {
			figures.store(out, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void configured(BenchmarkMerchants keys, MerchantStandIn standIn, int merchants, int rounds,
			Properties figures) {
		Path small = keys.write(SMALL, 0, standIn.baseUri());
		Path large = keys.write(merchants, 0, standIn.baseUri());
		Class<?>[] applications = { ManyMerchantsBenchmark.WithStarter.class, ManyMerchantsBenchmark.WithStarter.class,
				StartupBenchmark.WithoutStarter.class, StartupBenchmark.WithoutStarter.class };
		Path[] files = { small, large, small, large };
		double[][] retained = new double[applications.length][rounds];
		List<Path> histograms = new ArrayList<>(Collections.nCopies(applications.length, null));
		// A first round, not counted, loads the classes and fills class-level caches.
		for (int round = -1; round < rounds; round++) {
			for (int k = 0; k < applications.length; k++) {
				int kind = Math.floorMod(round + k, applications.length);
				try (ConfigurableApplicationContext context = ManyMerchantsBenchmark.start(applications[kind],
						files[kind])) {
					long bytes = HeapMeter.retained();
					if (round >= 0) {
						retained[kind][round] = bytes;
					}
					if (round == rounds - 1) {
						histograms.set(kind, HeapMeter.histogram());
					}
				}
			}
		}
		double withStarter = (ManyMerchantsBenchmark.median(retained[1]) - ManyMerchantsBenchmark.median(retained[0]))
				/ (merchants - SMALL);
		double configuration = (ManyMerchantsBenchmark.median(retained[3]) - ManyMerchantsBenchmark.median(retained[2]))
				/ (merchants - SMALL);
		System.out.printf(Locale.ROOT,
				"retained heap, medians: with the starter %,.0f KB (%d merchants) and %,.0f KB (%d); "
						+ "without it %,.0f KB and %,.0f KB%n",
				ManyMerchantsBenchmark.median(retained[0]) / 1024, SMALL,
				ManyMerchantsBenchmark.median(retained[1]) / 1024, merchants,
				ManyMerchantsBenchmark.median(retained[2]) / 1024, ManyMerchantsBenchmark.median(retained[3]) / 1024);
		System.out.printf(Locale.ROOT,
				"configured, not used: %,.0f bytes per merchant; the configuration text alone (without the "
						+ "starter) %,.0f bytes; the starter's own %,.0f bytes%n",
				withStarter, configuration, withStarter - configuration);
		System.out.printf(Locale.ROOT,
				"  live bytes grown most with the starter, per merchant (all classes: %,.0f " + "bytes):%n",
				HeapMeter.totalGrowth(histograms.get(0), histograms.get(1), merchants - SMALL));
		HeapMeter.growth(histograms.get(0), histograms.get(1), merchants - SMALL, TOP_CLASSES)
			.forEach((line) -> System.out.println("  " + line));
		System.out.printf(Locale.ROOT,
				"  live bytes grown most without the starter, per merchant (all classes: " + "%,.0f bytes):%n",
				HeapMeter.totalGrowth(histograms.get(2), histograms.get(3), merchants - SMALL));
		HeapMeter.growth(histograms.get(2), histograms.get(3), merchants - SMALL, TOP_CLASSES)
			.forEach((line) -> System.out.println("  " + line));
		figures.setProperty("configured", Double.toString(withStarter));
		figures.setProperty("configuration", Double.toString(configuration));
	}

	private static void used(BenchmarkMerchants keys, MerchantStandIn standIn, int merchants, int certificateMerchants,
			Properties figures) {
		Path file = keys.write(merchants, certificateMerchants, standIn.baseUri());
		try (ConfigurableApplicationContext context = ManyMerchantsBenchmark
			.start(ManyMerchantsBenchmark.WithStarter.class, file)) {
			WechatPayMerchants registry = context.getBean(WechatPayMerchants.class);
			long beforeAny = HeapMeter.retained();
			use(registry, BenchmarkMerchants.name(0));
			long unused = HeapMeter.retained();
			Path histogramUnused = HeapMeter.histogram();
			int threads = ManagementFactory.getThreadMXBean().getThreadCount();
			long start = System.nanoTime();
			for (int i = 1; i < merchants; i++) {
				registry.client(BenchmarkMerchants.name(i));
			}
			double buildMillis = (System.nanoTime() - start) / 1e6;
			long built = HeapMeter.retained();
			start = System.nanoTime();
			for (int i = 1; i < merchants; i++) {
				use(registry, BenchmarkMerchants.name(i));
			}
			double requestMillis = (System.nanoTime() - start) / 1e6;
			long used = HeapMeter.retained();
			Path histogramUsed = HeapMeter.histogram();
			int others = merchants - 1;
			System.out.printf(Locale.ROOT,
					"first use, public-key mode: %,.0f bytes per merchant (built %,.0f + first request %,.0f), "
							+ "over %,d merchants; threads %+d; the first merchant with what all share: %,d bytes%n",
					(used - unused) / (double) others, (built - unused) / (double) others,
					(used - built) / (double) others, others,
					ManagementFactory.getThreadMXBean().getThreadCount() - threads, unused - beforeAny);
			System.out.printf(Locale.ROOT,
					"  time per merchant: %.2f ms to build (keys, signer, verifier, RestClient, client), "
							+ "%.2f ms for its first signed request (the stand-in signs its answer too)%n",
					buildMillis / others, requestMillis / others);
			System.out.printf(Locale.ROOT, "  live bytes grown most, per merchant (all classes: %,.0f bytes):%n",
					HeapMeter.totalGrowth(histogramUnused, histogramUsed, others));
			HeapMeter.growth(histogramUnused, histogramUsed, others, TOP_CLASSES)
				.forEach((line) -> System.out.println("  " + line));
			figures.setProperty("used", Double.toString((used - unused) / (double) others));
			figures.setProperty("built", Double.toString((built - unused) / (double) others));
			figures.setProperty("request", Double.toString((used - built) / (double) others));
			if (certificateMerchants > 1) {
				certificateMode(registry, certificateMerchants, figures);
			}
		}
	}

	private static void certificateMode(WechatPayMerchants registry, int certificateMerchants, Properties figures) {
		use(registry, BenchmarkMerchants.certificateName(0));
		long before = HeapMeter.retained();
		Path histogramBefore = HeapMeter.histogram();
		int threads = ManagementFactory.getThreadMXBean().getThreadCount();
		for (int i = 1; i < certificateMerchants; i++) {
			use(registry, BenchmarkMerchants.certificateName(i));
		}
		long after = HeapMeter.retained();
		int others = certificateMerchants - 1;
		int moreThreads = ManagementFactory.getThreadMXBean().getThreadCount() - threads;
		System.out.printf(Locale.ROOT,
				"first use, certificate mode (download + signed request): %,.0f bytes per merchant over %d "
						+ "merchants; threads %+d%n",
				(after - before) / (double) others, others, moreThreads);
		Path histogramAfter = HeapMeter.histogram();
		System.out.printf(Locale.ROOT, "  live bytes grown most, per merchant (all classes: %,.0f bytes):%n",
				HeapMeter.totalGrowth(histogramBefore, histogramAfter, others));
		HeapMeter.growth(histogramBefore, histogramAfter, others, TOP_CLASSES)
			.forEach((line) -> System.out.println("  " + line));
		figures.setProperty("certificate", Double.toString((after - before) / (double) others));
		figures.setProperty("certificate-threads", String.format(Locale.ROOT, "%.2f", moreThreads / (double) others));
	}

	private static void use(WechatPayMerchants registry, String name) {
		if (!MerchantStandIn.COMPLAINT_ID
			.equals(registry.client(name).getComplaint(MerchantStandIn.COMPLAINT_ID).complaintId())) {
			throw new IllegalStateException("Unexpected answer for merchant " + name);
		}
	}

}
