package io.github.wechatpaycomplaint.autoconfigure;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Startup of a servlet application with the starter (public-key mode, notification
 * endpoint on) against the same application without it, in the same run: each start is a
 * fresh {@code java} child process on the test class path, alternating with and without,
 * timed from process launch to the application being ready and closed. The starter's base
 * URI points at a counting stub on 127.0.0.1, which must see no request: public-key mode
 * makes no network call at startup. Run it with:
 *
 * <pre>
 * ./mvnw -B -q -Pbenchmark -pl complaint-autoconfigure -am process-test-classes \
 *     -Dexec.mainClass=io.github.wechatpaycomplaint.autoconfigure.StartupBenchmark
 * </pre>
 *
 * Optional argument: starts of each kind (default 10, after 2 warm-up starts of each).
 */
public final class StartupBenchmark {

	private static final int WARM_UP = 2;

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && (args[0].equals("with") || args[0].equals("without"))) {
			child(args[0].equals("with"), args[1]);
			return;
		}
		int starts = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		AtomicInteger requests = new AtomicInteger();
		HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
		stub.createContext("/", (exchange) -> {
			requests.incrementAndGet();
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
		});
		stub.start();
		Path properties = Files.createTempFile("startup-benchmark", ".properties");
		try (WechatPayStandIn keys = new WechatPayStandIn()) {
			List<String> lines = new ArrayList<>();
			for (String property : keys.publicKeyModeProperties()) {
				lines.add(property.replace("\n", "\\n"));
			}
			lines.add("wechatpay.complaint.client.base-uri=http://127.0.0.1:" + stub.getAddress().getPort());
			Files.write(properties, lines, StandardCharsets.ISO_8859_1);
			double[] with = new double[starts];
			double[] without = new double[starts];
			for (int i = -WARM_UP; i < starts; i++) {
				double a = launch("without", properties);
				double b = launch("with", properties);
				if (i >= 0) {
					without[i] = a;
					with[i] = b;
				}
			}
			System.out.printf(Locale.ROOT, "without the starter : %7.0f ms (median of %d child processes)%n",
					median(without), starts);
			System.out.printf(Locale.ROOT, "with the starter    : %7.0f ms%n", median(with));
			System.out.printf(Locale.ROOT, "ratio               : %7.3f (target <= 1.15)%n",
					median(with) / median(without));
			System.out.printf(Locale.ROOT, "requests to the WeChat Pay stub during all starts: %d (expected 0)%n",
					requests.get());
			if (requests.get() != 0) {
				throw new IllegalStateException("The starter made network calls at startup in public-key mode");
			}
		}
		finally {
			stub.stop(0);
			Files.deleteIfExists(properties);
		}
	}

	private static double launch(String kind, Path properties) throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		ProcessBuilder builder = new ProcessBuilder(java, "-cp", classPath(), StartupBenchmark.class.getName(), kind,
				properties.toString());
		builder.redirectErrorStream(true);
		long start = System.nanoTime();
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(kind + " failed:\n" + new String(output, StandardCharsets.UTF_8));
		}
		return (System.nanoTime() - start) / 1e6;
	}

	// exec:java runs the benchmark in a class loader of its own: the test class path is
	// its URLs, not java.class.path.
	private static String classPath() throws Exception {
		ClassLoader loader = StartupBenchmark.class.getClassLoader();
		if (loader instanceof java.net.URLClassLoader) {
			List<String> entries = new ArrayList<>();
			for (java.net.URL url : ((java.net.URLClassLoader) loader).getURLs()) {
				entries.add(Path.of(url.toURI()).toString());
			}
			if (!entries.isEmpty()) {
				return String.join(File.pathSeparator, entries);
			}
		}
		return System.getProperty("java.class.path");
	}

	private static void child(boolean withStarter, String properties) {
		SpringApplication application = new SpringApplication(withStarter ? WithStarter.class : WithoutStarter.class);
		application.setDefaultProperties(java.util.Map.of("spring.config.import", "file:" + properties, "server.port",
				"0", "server.address", "127.0.0.1", "spring.main.banner-mode", "off", "logging.level.root", "WARN"));
		try (ConfigurableApplicationContext context = application.run()) {
			if (withStarter != context.containsBean(ComplaintNotificationAutoConfiguration.ROUTER_BEAN_NAME)) {
				throw new IllegalStateException("Unexpected configuration");
			}
		}
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	/**
	 * A servlet application without the starter (the many-merchants benchmark builds on
	 * it too).
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, JacksonAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class, HttpClientAutoConfiguration.class,
			ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class })
	public static class WithoutStarter {

	}

	@Configuration(proxyBeanMethods = false)
	@Import(WithoutStarter.class)
	@ImportAutoConfiguration({ ComplaintClientAutoConfiguration.class, ComplaintApiAutoConfiguration.class,
			ComplaintNotificationAutoConfiguration.class, ComplaintRegistrationAutoConfiguration.class,
			ComplaintObservabilityAutoConfiguration.class })
	static class WithStarter {

	}

}
