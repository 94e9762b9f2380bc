package io.github.wechatpaycomplaint.multimerchant;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintApiAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintMerchantsAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintNotificationAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintObservabilityAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintReconciliationAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintRegistrationAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.StartupBenchmark;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Issue 13's benchmark: with 1, 10 and 1,000 merchants configured as
 * {@code wechatpay.complaint.merchants.<name>.*} entries (public-key mode), in the same
 * run,
 * <ul>
 * <li>startup of a servlet application with the starter, each start a fresh {@code java}
 * child process, the three sizes taking turns ({@link ManyMerchantsStartup});</li>
 * <li>the heap each merchant retains, configured but not used and after its first use (a
 * signed request to a local stand-in), in a child process ({@link ManyMerchantsHeap});
 * </li>
 * <li>notifications per second through the handler with 1 and with 1,000 merchants, on
 * the shared path (routed by {@code Wechatpay-Serial}) and on {@code <path>/<name>}
 * ({@link ManyMerchantsThroughput}).</li>
 * </ul>
 * Run it with:
 *
 * <pre>
 * ./mvnw -B -q -Pbenchmark -pl complaint-autoconfigure -am process-test-classes \
 *     -Dexec.mainClass=io.github.wechatpaycomplaint.multimerchant.ManyMerchantsBenchmark
 * </pre>
 *
 * Optional arguments ({@code -Dexec.args="..."}), as {@code key=value}: {@code parts}
 * (default {@code startup,heap,throughput}), {@code merchants} (the large size, default
 * 1000), {@code startup-rounds} (default 6, after 2 warm-up rounds), {@code heap-rounds}
 * (default 3), {@code certificate-merchants} (default 20), {@code notifications} (per
 * contender, default 3000), {@code throughput-rounds} (default 11, after 5 warm-up
 * rounds). To profile a child process, pass it JVM options with
 * {@code -Dbenchmark.child-options="..."}, e.g. a Flight Recorder recording.
 */
public final class ManyMerchantsBenchmark {

	private ManyMerchantsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals(ManyMerchantsStartup.CHILD)) {
			ManyMerchantsStartup.child(Path.of(args[1]), Integer.parseInt(args[2]));
			return;
		}
		if (args.length > 0 && args[0].equals(ManyMerchantsHeap.CHILD)) {
			ManyMerchantsHeap.child(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
					Integer.parseInt(args[4]));
			return;
		}
		Map<String, String> options = options(args);
		List<String> parts = List.of(options.getOrDefault("parts", "startup,heap,throughput").split(","));
		int merchants = Integer.parseInt(options.getOrDefault("merchants", "1000"));
		List<String> summary = new ArrayList<>();
		System.out.printf(Locale.ROOT, "%s %s, %d CPUs, %s%n", System.getProperty("java.vm.name"),
				System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors(),
				System.getProperty("os.arch"));
		if (parts.contains("startup")) {
			summary.addAll(
					ManyMerchantsStartup.run(merchants, Integer.parseInt(options.getOrDefault("startup-rounds", "6"))));
		}
		if (parts.contains("heap")) {
			summary.addAll(ManyMerchantsHeap.run(merchants, Integer.parseInt(options.getOrDefault("heap-rounds", "3")),
					Integer.parseInt(options.getOrDefault("certificate-merchants", "20"))));
		}
		if (parts.contains("throughput")) {
			summary.addAll(ManyMerchantsThroughput.run(merchants,
					Integer.parseInt(options.getOrDefault("notifications", "3000")),
					Integer.parseInt(options.getOrDefault("throughput-rounds", "11"))));
		}
		System.out.println();
		System.out.println("Summary");
		summary.forEach((line) -> System.out.println("  " + line));
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (equals < 0) {
				throw new IllegalArgumentException("Arguments are key=value, e.g. parts=heap; got '" + arg + "'");
			}
			options.put(arg.substring(0, equals), arg.substring(equals + 1));
		}
		return options;
	}

	/**
	 * Starts the benchmark's servlet application on a free port of 127.0.0.1 with the
	 * properties of a file, imported as an application's own file would be.
	 * @param application {@link WithStarter} or {@link StartupBenchmark.WithoutStarter}
	 * @param properties the properties file
	 * @param listeners further listeners
	 * @return the running application
	 */
	static ConfigurableApplicationContext start(Class<?> application, Path properties,
			ApplicationListener<?>... listeners) {
		SpringApplication spring = application(application, properties);
		spring.addListeners(listeners);
		return spring.run();
	}

	/**
	 * The benchmark's servlet application, not started.
	 * @param application {@link WithStarter} or {@link StartupBenchmark.WithoutStarter}
	 * @param properties the properties file, imported as an application's own file would
	 * be
	 * @return the application, on a free port of 127.0.0.1 once started
	 */
	static SpringApplication application(Class<?> application, Path properties) {
		SpringApplication spring = new SpringApplication(application);
		// The stand-in speaks plain http, which the starter allows on request but warns
		// about, once per merchant: a thousand lines that an https application does not
		// log.
		spring.setDefaultProperties(Map.of("spring.config.import", "file:" + properties, "server.port", "0",
				"server.address", "127.0.0.1", "spring.main.banner-mode", "off", "logging.level.root", "WARN",
				"logging.level.io.github.wechatpaycomplaint.autoconfigure.ClientBaseUriCheck", "ERROR"));
		return spring;
	}

	/**
	 * Runs this class in a fresh {@code java} process on the test class path.
	 * @param jvmOptions options of the JVM
	 * @param inheritOutput whether the child prints to this process's output; if not, its
	 * output is returned
	 * @param args the arguments of {@link #main}
	 * @return the child's output, when not inherited
	 */
	static String runChild(List<String> jvmOptions, boolean inheritOutput, String... args) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
		command.addAll(jvmOptions);
		// For profiling, e.g.
		// -Dbenchmark.child-options=-XX:StartFlightRecording=filename=/tmp/child.jfr
		String extra = System.getProperty("benchmark.child-options", "");
		if (!extra.isBlank()) {
			command.addAll(List.of(extra.strip().split("\\s+")));
		}
		command.addAll(List.of("-cp", classPath(), ManyMerchantsBenchmark.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		if (inheritOutput) {
			builder.inheritIO();
		}
		else {
			builder.redirectErrorStream(true);
		}
		Process process = builder.start();
		byte[] output = inheritOutput ? new byte[0] : process.getInputStream().readAllBytes();
		if (!process.waitFor(20, TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException(
					"Child " + Arrays.toString(args) + " failed:\n" + new String(output, StandardCharsets.UTF_8));
		}
		return new String(output, StandardCharsets.UTF_8);
	}

	// exec:java runs the benchmark in a class loader of its own: the test class path is
	// its URLs, not java.class.path.
	private static String classPath() throws Exception {
		ClassLoader loader = ManyMerchantsBenchmark.class.getClassLoader();
		if (loader instanceof java.net.URLClassLoader urls && urls.getURLs().length > 0) {
			List<String> entries = new ArrayList<>();
			for (java.net.URL url : urls.getURLs()) {
				entries.add(Path.of(url.toURI()).toString());
			}
			return String.join(File.pathSeparator, entries);
		}
		return System.getProperty("java.class.path");
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	/**
	 * The startup benchmark's application without the starter, with every
	 * auto-configuration of the starter.
	 */
	@Configuration(proxyBeanMethods = false)
	@Import(StartupBenchmark.WithoutStarter.class)
	@ImportAutoConfiguration({ ComplaintClientAutoConfiguration.class, ComplaintApiAutoConfiguration.class,
			ComplaintMerchantsAutoConfiguration.class, ComplaintNotificationAutoConfiguration.class,
			ComplaintRegistrationAutoConfiguration.class, ComplaintReconciliationAutoConfiguration.class,
			ComplaintObservabilityAutoConfiguration.class })
	static class WithStarter {

	}

}
