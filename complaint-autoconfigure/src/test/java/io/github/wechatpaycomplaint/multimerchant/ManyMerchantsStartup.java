package io.github.wechatpaycomplaint.multimerchant;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Startup with 1, 10 and N merchants: each start is a fresh {@code java} child process,
 * timed from its launch until the application is ready and closed; the child also times
 * {@code SpringApplication.run} alone and reports the CPU time of the whole process. Each
 * round starts every size once, beginning with the next size each round. The merchants'
 * base URI is a counting stand-in, which must see no request (public-key mode makes no
 * call at startup), and no merchant of an application with several may have its keys
 * parsed at startup.
 */
final class ManyMerchantsStartup {

	static final String CHILD = "startup-child";

	private static final int WARM_UP = 2;

	private static final int STEPS = 20_000;

	private static final int TOP_STEPS = 8;

	private static final Pattern STEP = Pattern.compile("(?m)^step\\|([^|]+)\\|([-0-9.]+)$");

	private static final Pattern CHILD_RESULT = Pattern
		.compile("run-ms=([0-9.]+) merchants=([0-9]+) built=([0-9]+) cpu-ms=([0-9.]+)");

	private ManyMerchantsStartup() {
	}

	static List<String> run(int merchants, int rounds) throws Exception {
		int[] sizes = { 1, 10, merchants };
		System.out.printf(Locale.ROOT, "%nStartup: %d warm-up rounds and %d measured rounds of %s merchants%n", WARM_UP,
				rounds, sizes[0] + ", " + sizes[1] + " and " + sizes[2]);
		BenchmarkMerchants keys = BenchmarkMerchants.generate();
		try (MerchantStandIn standIn = new MerchantStandIn(keys, 0, 0)) {
			Path[] files = new Path[sizes.length];
			for (int s = 0; s < sizes.length; s++) {
				files[s] = keys.write(sizes[s], 0, standIn.baseUri());
			}
			double[][] process = new double[sizes.length][rounds];
			double[][] run = new double[sizes.length][rounds];
			double[][] cpu = new double[sizes.length][rounds];
			int[] built = new int[sizes.length];
			String[] lastOutput = new String[sizes.length];
			for (int round = -WARM_UP; round < rounds; round++) {
				for (int k = 0; k < sizes.length; k++) {
					int s = Math.floorMod(round + k, sizes.length);
					long start = System.nanoTime();
					String output = ManyMerchantsBenchmark.runChild(List.of(), false, CHILD, files[s].toString(),
							Integer.toString(sizes[s]));
					double elapsed = (System.nanoTime() - start) / 1e6;
					Matcher result = CHILD_RESULT.matcher(output);
					if (!result.find()) {
						throw new IllegalStateException("No result from the child:\n" + output);
					}
					built[s] = Integer.parseInt(result.group(3));
					lastOutput[s] = output;
					if (round >= 0) {
						process[s][round] = elapsed;
						run[s][round] = Double.parseDouble(result.group(1));
						cpu[s][round] = Double.parseDouble(result.group(4));
					}
				}
			}
			for (int s = 0; s < sizes.length; s++) {
				System.out.printf(Locale.ROOT,
						"%,6d merchants: process %,7.0f ms, SpringApplication.run %,7.0f ms, CPU %,7.0f ms (medians), "
								+ "built at startup: %d%n",
						sizes[s], ManyMerchantsBenchmark.median(process[s]), ManyMerchantsBenchmark.median(run[s]),
						ManyMerchantsBenchmark.median(cpu[s]), built[s]);
			}
			printGrownSteps(sizes, lastOutput);
			System.out.println("(one entry alone is also the single-merchant beans, which are built at startup; "
					+ "of several merchants none should be)");
			System.out.printf(Locale.ROOT, "requests to the WeChat Pay stand-in during all starts: %d (expected 0)%n",
					standIn.requests());
			if (standIn.requests() != 0) {
				throw new IllegalStateException("The starter called WeChat Pay at startup in public-key mode");
			}
			double one = ManyMerchantsBenchmark.median(process[0]);
			double oneRun = ManyMerchantsBenchmark.median(run[0]);
			return List.of(
					String.format(Locale.ROOT,
							"startup %,d / 1 merchants: %.3f (process), %.3f (SpringApplication.run), %.3f (CPU time) "
									+ "(target <= 1.2)",
							merchants, ManyMerchantsBenchmark.median(process[2]) / one,
							ManyMerchantsBenchmark.median(run[2]) / oneRun,
							ManyMerchantsBenchmark.median(cpu[2]) / ManyMerchantsBenchmark.median(cpu[0])),
					String.format(Locale.ROOT, "startup 10 / 1 merchants: %.3f (process), %.3f (SpringApplication.run)",
							ManyMerchantsBenchmark.median(process[1]) / one,
							ManyMerchantsBenchmark.median(run[1]) / oneRun));
		}
	}

	// Which startup steps take longer with many merchants, in the last measured round.
	private static void printGrownSteps(int[] sizes, String[] outputs) {
		Map<String, Double> one = steps(outputs[0]);
		Map<String, Double> many = steps(outputs[sizes.length - 1]);
		System.out.printf(Locale.ROOT, "startup steps that grew most from 1 to %,d merchants (own time, last round):%n",
				sizes[sizes.length - 1]);
		many.entrySet()
			.stream()
			.sorted(Comparator.comparingDouble((step) -> one.getOrDefault(step.getKey(), 0.0) - step.getValue()))
			.limit(TOP_STEPS)
			.forEach((step) -> System.out.printf(Locale.ROOT, "  %+,8.0f ms (%,6.0f -> %,6.0f)  %s%n",
					step.getValue() - one.getOrDefault(step.getKey(), 0.0), one.getOrDefault(step.getKey(), 0.0),
					step.getValue(), step.getKey()));
	}

	private static Map<String, Double> steps(String output) {
		Map<String, Double> steps = new HashMap<>();
		Matcher step = STEP.matcher(output);
		while (step.find()) {
			steps.put(step.group(1), Double.parseDouble(step.group(2)));
		}
		return steps;
	}

	/**
	 * One start, in the child process: prints how long {@code SpringApplication.run}
	 * took, how many merchants have their keys parsed once the application is ready, and
	 * the time of each startup step of Spring's application startup tracking, less the
	 * time of the steps within it.
	 */
	static void child(Path properties, int expected) {
		long start = System.nanoTime();
		SpringApplication application = ManyMerchantsBenchmark.application(ManyMerchantsBenchmark.WithStarter.class,
				properties);
		BufferingApplicationStartup steps = new BufferingApplicationStartup(STEPS);
		application.setApplicationStartup(steps);
		try (ConfigurableApplicationContext context = application.run()) {
			double elapsed = (System.nanoTime() - start) / 1e6;
			WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
			if (merchants.names().size() != expected) {
				throw new IllegalStateException(merchants.names().size() + " merchants instead of " + expected);
			}
			long built = merchants.names()
				.stream()
				.filter((name) -> merchants.builtComponents(name).isPresent())
				.count();
			selfTimes(steps.getBufferedTimeline().getEvents())
				.forEach((step, millis) -> System.out.printf(Locale.ROOT, "step|%s|%.1f%n", step, millis));
			// All of the JVM's threads (JIT and GC too): on a busy machine the figure
			// that
			// waiting for a core does not inflate.
			double cpuMillis = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime() / 1e6;
			System.out.printf(Locale.ROOT, "run-ms=%.1f merchants=%d built=%d cpu-ms=%.1f%n", elapsed, expected, built,
					cpuMillis);
		}
	}

	// A step's own time: its duration less that of the steps within it, summed by step
	// (and bean) name.
	private static Map<String, Double> selfTimes(List<TimelineEvent> events) {
		Map<Long, Double> children = new HashMap<>();
		for (TimelineEvent event : events) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				children.merge(parent, millis(event), Double::sum);
			}
		}
		Map<String, Double> self = new HashMap<>();
		for (TimelineEvent event : events) {
			StartupStep step = event.getStartupStep();
			StringBuilder label = new StringBuilder(step.getName());
			step.getTags().forEach((tag) -> {
				if (tag.getKey().equals("beanName")) {
					label.append(' ').append(tag.getValue());
				}
			});
			self.merge(label.toString(), millis(event) - children.getOrDefault(step.getId(), 0.0), Double::sum);
		}
		return self;
	}

	private static double millis(TimelineEvent event) {
		return event.getDuration().toNanos() / 1e6;
	}

}
