package io.github.wechatpaycomplaint.notification;

import io.github.wechatpaycomplaint.testsupport.Vectors;
import io.github.wechatpaycomplaint.crypto.SignedHeaders;
import io.github.wechatpaycomplaint.crypto.RsaVerifier;
import io.github.wechatpaycomplaint.crypto.PemKeys;
import java.security.PublicKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
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

import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintNotificationAutoConfiguration;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.testsupport.NotificationBuilder;
import io.github.wechatpaycomplaint.testsupport.NotificationBuilder.SignedNotification;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The notification callback over HTTP on 127.0.0.1: notifications per second and p99 latency under a fixed
 * concurrency, beside a no-op endpoint (reads the body, answers 204) in the same application, in the same run (rounds
 * alternate). Each notification is distinct and pre-signed; the application's clock is fixed at their timestamp. The
 * load is a JDK HttpClient, bounded in count and time. Run it with:
 *
 * <pre>
 * ./mvnw -B -q -pl complaint-autoconfigure test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
 *     -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.wechatpaycomplaint.notification.NotificationHttpBenchmark
 * </pre>
 *
 * Optional arguments: concurrency (default 8), requests per round (default 4000), measured rounds (default 5).
 */
public final class NotificationHttpBenchmark {

	private static final long NOW = 1_763_856_000L;

	private static final int WARM_UP_ROUNDS = 3;

	private static final Duration ROUND_TIME_LIMIT = Duration.ofSeconds(60);

	private NotificationHttpBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int concurrency = (args.length > 0) ? Integer.parseInt(args[0]) : 8;
		int perRound = (args.length > 1) ? Integer.parseInt(args[1]) : 4000;
		int rounds = (args.length > 2) ? Integer.parseInt(args[2]) : 5;
		int total = perRound * (rounds + WARM_UP_ROUNDS);
		System.out.printf("Signing %d distinct notifications...%n", total);
		NotificationBuilder builder = NotificationBuilder.withVectorKeys(NOW);
		List<SignedNotification> notifications = new ArrayList<>(total);
		for (int i = 0; i < total; i++) {
			notifications.add(builder.id("http-bench-" + i).build());
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchmarkApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties(NotificationContexts.merchantProperties())
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"logging.level.root=WARN")
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			URI notify = URI.create("http://127.0.0.1:" + port + NotificationContexts.PATH);
			URI noop = URI.create("http://127.0.0.1:" + port + "/noop");
			URI verifyOnly = URI.create("http://127.0.0.1:" + port + "/verify-only");
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			ExecutorService pool = Executors.newFixedThreadPool(concurrency);
			try {
				double[] noopRates = new double[rounds];
				double[] notifyRates = new double[rounds];
				double[] verifyRates = new double[rounds];
				double[] noopP99 = new double[rounds];
				double[] notifyP99 = new double[rounds];
				AtomicInteger next = new AtomicInteger();
				for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
					int from = next.getAndAdd(perRound);
					double[] n = load(client, pool, concurrency, noop, notifications.subList(from, from + perRound));
					double[] v = load(client, pool, concurrency, verifyOnly, notifications.subList(from, from + perRound));
					double[] c = load(client, pool, concurrency, notify, notifications.subList(from, from + perRound));
					if (round >= 0) {
						verifyRates[round] = v[0];
						noopRates[round] = n[0];
						noopP99[round] = n[1];
						notifyRates[round] = c[0];
						notifyP99[round] = c[1];
					}
				}
				long delivered = context.getBean(Counter.class).count.get();
				System.out.printf(Locale.ROOT, "events delivered: %d (expected %d)%n", delivered, (long) total);
				System.out.printf(Locale.ROOT, "no-op endpoint       : %,8.0f requests/s, p99 %6.2f ms "
						+ "(concurrency %d, median of %d rounds of %d)%n", median(noopRates), median(noopP99),
						concurrency, rounds, perRound);
				System.out.printf(Locale.ROOT, "RSA verify only      : %,8.0f requests/s (reads the body, checks the "
						+ "signature, answers 204: the floor any verifying endpoint stands on)%n", median(verifyRates));
				System.out.printf(Locale.ROOT, "notification endpoint: %,8.0f notifications/s, p99 %6.2f ms%n",
						median(notifyRates), median(notifyP99));
				System.out.printf(Locale.ROOT, "ratio verify only / no-op : %.3f%n", median(verifyRates) / median(noopRates));
				System.out.printf(Locale.ROOT, "ratio notification / verify only: %.3f (the starter's own cost)%n",
						median(notifyRates) / median(verifyRates));
				System.out.printf(Locale.ROOT, "ratio notification / no-op: %.3f (target >= 0.8)%n",
						median(notifyRates) / median(noopRates));
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	/**
	 * Sends the notifications with {@code concurrency} synchronous workers.
	 * @return requests per second and the p99 latency in milliseconds
	 */
	private static double[] load(HttpClient client, ExecutorService pool, int concurrency, URI uri,
			List<SignedNotification> notifications) throws Exception {
		long[] latencies = new long[notifications.size()];
		AtomicInteger index = new AtomicInteger();
		long deadline = System.nanoTime() + ROUND_TIME_LIMIT.toNanos();
		List<Future<?>> workers = new ArrayList<>();
		long start = System.nanoTime();
		for (int w = 0; w < concurrency; w++) {
			workers.add(pool.submit(() -> {
				int i;
				while ((i = index.getAndIncrement()) < notifications.size() && System.nanoTime() < deadline) {
					SignedNotification notification = notifications.get(i);
					HttpRequest.Builder request = HttpRequest.newBuilder(uri)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofByteArray(notification.body()));
					notification.headers().forEach(request::header);
					long sent = System.nanoTime();
					HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
					latencies[i] = System.nanoTime() - sent;
					if (response.statusCode() != 204) {
						throw new IllegalStateException(uri + " answered " + response.statusCode());
					}
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		long elapsed = System.nanoTime() - start;
		int done = Math.min(index.get(), notifications.size());
		long[] measured = Arrays.copyOf(latencies, done);
		Arrays.sort(measured);
		return new double[] { done / (elapsed / 1e9), measured[(int) Math.ceil(done * 0.99) - 1] / 1e6 };
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, JacksonAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class, ComplaintClientAutoConfiguration.class,
			ComplaintNotificationAutoConfiguration.class })
	static class BenchmarkApplication {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
		}

		@Bean
		Counter counter() {
			return new Counter();
		}

		// The mandatory part alone: one RSA-2048 signature check over the raw body, nothing of the starter's pipeline.
		@Bean
		RouterFunction<ServerResponse> verifyOnlyRoute() {
			PublicKey key = PemKeys.publicKey(Vectors.key("wechatpay_public_key_pem"));
			return RouterFunctions.route(RequestPredicates.path("/verify-only"), (request) -> {
				byte[] body = request.servletRequest().getInputStream().readAllBytes();
				SignedHeaders headers = SignedHeaders.from(request.headers()::firstHeader);
				if (!RsaVerifier.verifyAnswer(key, headers.timestamp(), headers.nonce(), body, headers.signature())) {
					return ServerResponse.status(401).build();
				}
				return ServerResponse.noContent().build();
			});
		}

		@Bean
		RouterFunction<ServerResponse> noopRoute() {
			return RouterFunctions.route(RequestPredicates.path("/noop"), (request) -> {
				request.servletRequest().getInputStream().readAllBytes();
				return ServerResponse.noContent().build();
			});
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
