package io.github.wechatpaycomplaint.notification;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintNotificationAutoConfiguration;
import io.github.wechatpaycomplaint.crypto.SignedHeaders;
import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import io.github.wechatpaycomplaint.crypto.internal.RsaVerifier;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.notification.reactive.ReactiveComplaintNotificationEndpoint;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The notification callback over HTTP on 127.0.0.1, on both web stacks in the same run:
 * notifications per second and p99 latency under a fixed concurrency. Two applications
 * run in this JVM, one on Spring MVC (Tomcat) and one on WebFlux (Reactor Netty), and
 * each serves the same signed requests on these endpoints:
 * <ul>
 * <li>a no-op route: reads the body and answers 204, what any endpoint of the application
 * costs;</li>
 * <li>(MVC only) a bare servlet that does the same outside Spring MVC: the least an HTTP
 * request costs here;</li>
 * <li>an RSA-verify-only route: reads the body and checks the signature, the part WeChat
 * Pay mandates of every endpoint (issue 14's baseline); on WebFlux it checks on the event
 * loop;</li>
 * <li>(WebFlux only) the same check handed to a bounded elastic scheduler of the
 * starter's default size, as any WebFlux endpoint must do before it runs blocking
 * listeners or stores;</li>
 * <li>the starter's notification endpoint: verify, decrypt, parse, de-duplicate, publish
 * to a listener.</li>
 * </ul>
 * The endpoints of both applications take turns in small batches, each cycle starting
 * with the next one, so that a noisy neighbour or a JIT compilation slows all of them
 * alike; a long warm-up comes first. Every notification is distinct and pre-signed, and
 * the applications' clocks are fixed at their timestamp. The load is a JDK HttpClient
 * with {@code concurrency} synchronous workers in the same JVM, so the CPU figures are
 * server and load generator together. How connections are used changes the picture most,
 * because it sets what a request costs beside the fixed cost of the RSA check:
 * <ul>
 * <li>{@code keep-alive}: a connection serves 100 requests (Tomcat's default; set for
 * Netty too, which has no limit by default);</li>
 * <li>{@code persistent}: connections are never closed, the cheapest HTTP there is;</li>
 * <li>{@code new-connection}: every request on a new connection
 * ({@code Connection: close}), like deliveries that arrive one by one.</li>
 * </ul>
 * Run it with:
 *
 * <pre>
 * ./mvnw -B -q -Pbenchmark -pl complaint-autoconfigure -am process-test-classes \
 *     -Dexec.mainClass=io.github.wechatpaycomplaint.notification.NotificationHttpBenchmark \
 *     -Dexec.args="keep-alive"
 * </pre>
 *
 * Arguments, all optional: connection mode (default {@code keep-alive}), concurrency
 * (default 8), measured requests per endpoint (default 12000), warm-up requests per
 * endpoint (default 12000), batch size (default 250), and, for a profiler, a part of the
 * endpoints' names: only those endpoints are loaded, each with every notification once.
 */
public final class NotificationHttpBenchmark {

	private static final long NOW = 1_763_856_000L;

	private static final com.sun.management.OperatingSystemMXBean PROCESS = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private NotificationHttpBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		ConnectionMode mode = ConnectionMode.from((args.length > 0) ? args[0] : "keep-alive");
		int concurrency = (args.length > 1) ? Integer.parseInt(args[1]) : 8;
		int measured = (args.length > 2) ? Integer.parseInt(args[2]) : 12_000;
		int warmUp = (args.length > 3) ? Integer.parseInt(args[3]) : 12_000;
		int batch = (args.length > 4) ? Integer.parseInt(args[4]) : 250;
		// For a profiler: load only the endpoints whose name contains this text.
		String only = (args.length > 5) ? args[5] : "";
		// Read once when the HTTP client is first used: lets a request ask for its
		// connection to be closed.
		System.setProperty("jdk.httpclient.allowRestrictedHeaders", "connection");
		int batches = Math.max(1, measured / batch);
		int warmUpBatches = warmUp / batch;
		int total = batch * (batches + warmUpBatches);
		System.out.printf("Signing %,d distinct notifications...%n", total);
		List<SignedNotification> notifications = sign(total);
		try (ConfigurableApplicationContext mvc = start(MvcApplication.class, WebApplicationType.SERVLET, mode);
				ConfigurableApplicationContext webflux = start(WebFluxApplication.class, WebApplicationType.REACTIVE,
						mode)) {
			int mvcPort = ((WebServerApplicationContext) mvc).getWebServer().getPort();
			int webfluxPort = ((WebServerApplicationContext) webflux).getWebServer().getPort();
			Endpoint mvcNoop = new Endpoint("MVC no-op", mvcPort, "/noop");
			Endpoint bare = new Endpoint("MVC bare servlet (reference)", mvcPort, "/bare-servlet");
			Endpoint mvcVerify = new Endpoint("MVC RSA verify only", mvcPort, "/verify-only");
			Endpoint mvcNotification = new Endpoint("MVC notification endpoint", mvcPort, NotificationContexts.PATH);
			Endpoint fluxNoop = new Endpoint("WebFlux no-op", webfluxPort, "/noop");
			Endpoint fluxVerify = new Endpoint("WebFlux RSA verify only", webfluxPort, "/verify-only");
			Endpoint fluxVerifyOffloaded = new Endpoint("WebFlux verify, off the loop", webfluxPort,
					"/verify-only-offloaded");
			Endpoint fluxNotification = new Endpoint("WebFlux notification endpoint", webfluxPort,
					NotificationContexts.PATH);
			List<Endpoint> endpoints = List.of(mvcNoop, bare, mvcVerify, mvcNotification, fluxNoop, fluxVerify,
					fluxVerifyOffloaded, fluxNotification);
			if (!only.isEmpty()) {
				profile(endpoints.stream().filter((endpoint) -> endpoint.name.contains(only)).toList(), concurrency,
						notifications, mode, batch);
				return;
			}
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			ExecutorService pool = Executors.newFixedThreadPool(concurrency);
			try {
				for (int i = -warmUpBatches; i < batches; i++) {
					int from = (i + warmUpBatches) * batch;
					List<SignedNotification> slice = notifications.subList(from, from + batch);
					// Each cycle starts with the next endpoint, so that none always
					// follows the same one.
					for (int k = 0; k < endpoints.size(); k++) {
						Endpoint endpoint = endpoints.get(Math.floorMod(i + k, endpoints.size()));
						endpoint.load(client, pool, concurrency, slice, mode, i >= 0);
					}
				}
			}
			finally {
				pool.shutdownNow();
			}
			System.out.printf(Locale.ROOT, "events delivered: MVC %,d, WebFlux %,d (expected %,d each)%n",
					mvc.getBean(Counter.class).count.get(), webflux.getBean(Counter.class).count.get(), (long) total);
			System.out.printf(Locale.ROOT,
					"connections: %s; concurrency %d, %,d measured requests per endpoint in batches of %d, "
							+ "after %,d warm-up requests each; %d CPUs%n",
					mode.description, concurrency, batches * batch, batch, warmUpBatches * batch,
					Runtime.getRuntime().availableProcessors());
			for (Endpoint endpoint : endpoints) {
				System.out.printf(Locale.ROOT, "%-31s: %,7.0f requests/s, p99 %6.2f ms, CPU %4.0f µs per request%n",
						endpoint.name, endpoint.rate(), endpoint.p99Millis(), endpoint.cpuMicrosPerRequest());
			}
			long retried = endpoints.stream().mapToLong((endpoint) -> endpoint.retried.get()).sum();
			if (retried > 0) {
				System.out.printf(Locale.ROOT,
						"requests sent again after the JDK client lost a pooled connection: %d%n", retried);
			}
			ratio("MVC     verify only / no-op", mvcVerify, mvcNoop, "the mandatory signature check");
			ratio("MVC     notification / verify only", mvcNotification, mvcVerify, "target >= 0.9");
			ratio("MVC     notification / bare servlet", mvcNotification, bare, "");
			ratio("WebFlux verify only / no-op", fluxVerify, fluxNoop, "the mandatory signature check");
			ratio("WebFlux verify off the loop / on it", fluxVerifyOffloaded, fluxVerify,
					"the hand-off blocking work needs");
			ratio("WebFlux notification / verify only", fluxNotification, fluxVerify, "target >= 0.9");
			ratio("WebFlux notification / verify off the loop", fluxNotification, fluxVerifyOffloaded,
					"the starter's own work");
		}
	}

	// Sends every notification once to each chosen endpoint, printing the rate of every
	// 20 batches: a steady load of fresh notifications for a profiler attached to this
	// JVM.
	private static void profile(List<Endpoint> endpoints, int concurrency, List<SignedNotification> notifications,
			ConnectionMode mode, int batch) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		System.out.printf("Profiling %s, pid %d%n", endpoints.stream().map((endpoint) -> endpoint.name).toList(),
				ProcessHandle.current().pid());
		try {
			for (Endpoint endpoint : endpoints) {
				int step = 20 * batch;
				for (int from = 0; from + step <= notifications.size(); from += step) {
					long start = System.nanoTime();
					long cpuStart = PROCESS.getProcessCpuTime();
					for (int b = from; b < from + step; b += batch) {
						endpoint.load(client, pool, concurrency, notifications.subList(b, b + batch), mode, false);
					}
					System.out.printf(Locale.ROOT, "%s %-31s: %,7.0f requests/s, CPU %4.0f µs per request%n",
							Instant.now(), endpoint.name, step / ((System.nanoTime() - start) / 1e9),
							(PROCESS.getProcessCpuTime() - cpuStart) / 1e3 / step);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void ratio(String label, Endpoint measured, Endpoint baseline, String meaning) {
		System.out.printf(Locale.ROOT, "ratio %-42s: %.3f%s%n", label, measured.rate() / baseline.rate(),
				meaning.isEmpty() ? "" : " (" + meaning + ")");
	}

	private static ConfigurableApplicationContext start(Class<?> application, WebApplicationType type,
			ConnectionMode mode) {
		return new SpringApplicationBuilder(application).web(type)
			.properties(Vectors.merchantProperties())
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"logging.level.root=WARN", "server.tomcat.max-keep-alive-requests=" + mode.maxKeepAliveRequests,
					"server.netty.max-keep-alive-requests=" + mode.maxKeepAliveRequests)
			.run();
	}

	private static List<SignedNotification> sign(int count) {
		// RSA signing is the slow part of preparing the load: spread it over the cores.
		ThreadLocal<SignedNotificationBuilder> builders = ThreadLocal
			.withInitial(() -> NotificationContexts.notificationWithVectorKeys(NOW));
		return IntStream.range(0, count)
			.parallel()
			.mapToObj((i) -> builders.get().id("http-bench-" + i).build())
			.toList();
	}

	private static final class Endpoint {

		private final String name;

		private final URI uri;

		private final List<long[]> latencies = new ArrayList<>();

		private final AtomicLong retried = new AtomicLong();

		private long requests;

		private long elapsedNanos;

		private long cpuNanos;

		Endpoint(String name, int port, String path) {
			this.name = name;
			this.uri = URI.create("http://127.0.0.1:" + port + path);
		}

		/**
		 * Sends one batch with {@code concurrency} synchronous workers, and records it
		 * when measured.
		 */
		void load(HttpClient client, ExecutorService pool, int concurrency, List<SignedNotification> notifications,
				ConnectionMode mode, boolean measured) throws Exception {
			long[] batchLatencies = new long[notifications.size()];
			AtomicInteger index = new AtomicInteger();
			List<Future<?>> workers = new ArrayList<>();
			long cpuStart = PROCESS.getProcessCpuTime();
			long start = System.nanoTime();
			for (int w = 0; w < concurrency; w++) {
				workers.add(pool.submit(() -> {
					int i;
					while ((i = index.getAndIncrement()) < notifications.size()) {
						batchLatencies[i] = send(client, notifications.get(i), mode);
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
			if (measured) {
				this.elapsedNanos += System.nanoTime() - start;
				this.cpuNanos += PROCESS.getProcessCpuTime() - cpuStart;
				this.requests += notifications.size();
				this.latencies.add(batchLatencies);
			}
		}

		private long send(HttpClient client, SignedNotification notification, ConnectionMode mode)
				throws IOException, InterruptedException {
			HttpRequest.Builder builder = HttpRequest.newBuilder(this.uri)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(notification.body()));
			notification.headers().forEach(builder::header);
			if (mode == ConnectionMode.NEW_CONNECTION) {
				builder.header("Connection", "close");
			}
			HttpRequest request = builder.build();
			long sent = System.nanoTime();
			HttpResponse<Void> response;
			try {
				response = client.send(request, HttpResponse.BodyHandlers.discarding());
			}
			catch (IOException ex) {
				// The JDK client can pick a pooled connection that the server is closing;
				// send once more, as
				// WeChat Pay would (a repeated notification is answered as a duplicate).
				this.retried.incrementAndGet();
				response = client.send(request, HttpResponse.BodyHandlers.discarding());
			}
			long latency = System.nanoTime() - sent;
			if (response.statusCode() != 204) {
				throw new IllegalStateException(this.uri + " answered " + response.statusCode());
			}
			return latency;
		}

		double rate() {
			return this.requests / (this.elapsedNanos / 1e9);
		}

		double cpuMicrosPerRequest() {
			return this.cpuNanos / 1e3 / this.requests;
		}

		double p99Millis() {
			long[] all = this.latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
			return all[(int) Math.ceil(all.length * 0.99) - 1] / 1e6;
		}

	}

	private enum ConnectionMode {

		KEEP_ALIVE("keep-alive", "kept alive for 100 requests (Tomcat's default)", 100),

		PERSISTENT("persistent", "never closed", -1),

		NEW_CONNECTION("new-connection", "a new one for every request", 100);

		private final String argument;

		private final String description;

		private final int maxKeepAliveRequests;

		ConnectionMode(String argument, String description, int maxKeepAliveRequests) {
			this.argument = argument;
			this.description = description;
			this.maxKeepAliveRequests = maxKeepAliveRequests;
		}

		static ConnectionMode from(String argument) {
			return Arrays.stream(values())
				.filter((mode) -> mode.argument.equals(argument))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(
						"Unknown connection mode '" + argument + "'; use keep-alive, persistent or new-connection"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SharedBeans {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
		}

		@Bean
		Counter counter() {
			return new Counter();
		}

		@Bean
		VerifyOnlyKey verifyOnlyKey() {
			return new VerifyOnlyKey(PemKeys.publicKey(Vectors.key("wechatpay_public_key_pem")));
		}

	}

	/** The WeChat Pay public key the verify-only routes check against. */
	record VerifyOnlyKey(PublicKey key) {

		// The mandatory part alone: one RSA-2048 signature check over the raw body,
		// nothing of the starter's pipeline.
		boolean verifies(SignedHeaders headers, byte[] body) {
			return RsaVerifier.verifyAnswer(this.key, headers.timestamp(), headers.nonce(), body, headers.signature());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, JacksonAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class, ComplaintClientAutoConfiguration.class,
			ComplaintNotificationAutoConfiguration.class })
	@Import(SharedBeans.class)
	static class MvcApplication {

		@Bean
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> verifyOnlyRoute(
				VerifyOnlyKey key) {
			return org.springframework.web.servlet.function.RouterFunctions
				.route(org.springframework.web.servlet.function.RequestPredicates.path("/verify-only"), (request) -> {
					byte[] body = request.servletRequest().getInputStream().readAllBytes();
					if (!key.verifies(SignedHeaders.from(request.headers()::firstHeader), body)) {
						return org.springframework.web.servlet.function.ServerResponse.status(401).build();
					}
					return org.springframework.web.servlet.function.ServerResponse.noContent().build();
				});
		}

		@Bean
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> noopRoute() {
			return org.springframework.web.servlet.function.RouterFunctions
				.route(org.springframework.web.servlet.function.RequestPredicates.path("/noop"), (request) -> {
					request.servletRequest().getInputStream().readAllBytes();
					return org.springframework.web.servlet.function.ServerResponse.noContent().build();
				});
		}

		@Bean
		ServletRegistrationBean<HttpServlet> bareServlet() {
			return new ServletRegistrationBean<>(new HttpServlet() {

				@Override
				protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
					request.getInputStream().readAllBytes();
					response.setStatus(HttpServletResponse.SC_NO_CONTENT);
				}

			}, "/bare-servlet");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
			JacksonAutoConfiguration.class, CodecsAutoConfiguration.class, WebFluxAutoConfiguration.class,
			ComplaintClientAutoConfiguration.class, ComplaintNotificationAutoConfiguration.class })
	@Import(SharedBeans.class)
	static class WebFluxApplication {

		@Bean(destroyMethod = "dispose")
		Scheduler offloadScheduler() {
			// The starter's own scheduler's default size.
			return Schedulers.newBoundedElastic(ReactiveComplaintNotificationEndpoint.DEFAULT_THREADS,
					ReactiveComplaintNotificationEndpoint.DEFAULT_QUEUED_TASKS_PER_THREAD, "verify-offloaded");
		}

		@Bean
		RouterFunction<ServerResponse> verifyOnlyRoutes(VerifyOnlyKey key, Scheduler offloadScheduler) {
			return RouterFunctions
				.route(RequestPredicates.path("/verify-only"),
						(request) -> body(request).flatMap((body) -> answer(key, request, body)))
				.andRoute(
						RequestPredicates.path("/verify-only-offloaded"), (
								request) -> body(request)
									.flatMap((body) -> Mono
										.fromSupplier(() -> key
											.verifies(SignedHeaders.from(request.headers()::firstHeader), body))
										.subscribeOn(offloadScheduler))
									.flatMap((verified) -> ServerResponse.status(verified ? 204 : 401).build()));
		}

		@Bean
		RouterFunction<ServerResponse> noopRoute() {
			return RouterFunctions.route(RequestPredicates.path("/noop"),
					(request) -> body(request).flatMap((body) -> ServerResponse.noContent().build()));
		}

		private static Mono<byte[]> body(ServerRequest request) {
			return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers())).map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			});
		}

		private static Mono<ServerResponse> answer(VerifyOnlyKey key, ServerRequest request, byte[] body) {
			boolean verified = key.verifies(SignedHeaders.from(request.headers()::firstHeader), body);
			return ServerResponse.status(verified ? 204 : 401).build();
		}

	}

	static final class Counter implements ApplicationListener<ComplaintNotificationEvent> {

		final AtomicLong count = new AtomicLong();

		@Override
		public void onApplicationEvent(ComplaintNotificationEvent event) {
			this.count.incrementAndGet();
		}

	}

}
