package io.github.wechatpaycomplaint.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintNotificationAutoConfiguration;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.github.wechatpaycomplaint.testsupport.Services;
import io.github.wechatpaycomplaint.testsupport.Vectors;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Durable processing ({@code wechatpay.complaint.notification.processing=durable}) over
 * HTTP on 127.0.0.1, in two parts that a first argument chooses.
 * <ul>
 * <li>{@code answer-time}: how long WeChat Pay waits for its answer when every listener
 * pass takes 3 s (a listener that looks a complaint up and replies at WeChat Pay's rate),
 * p50 and p99: the durable mode (the inbox on the store given as second argument) at a
 * steady 50 notifications a second (far above one merchant's real rate) and under 8
 * senders that send again as soon as answered (the most this machine answers), against
 * the in-request mode under the same 8 senders, in the same run.</li>
 * <li>{@code end-to-end}: {@code count} notifications (10 per complaint) sent in turn to
 * two application instances that share one inbox, each instance with its own workers; a
 * no-op listener counts the publications of every notification id. Reports how fast the
 * notifications were answered and how fast all were published, and fails when one was
 * published more or less than once.</li>
 * </ul>
 * Stores: {@code h2} (one in-memory database that both instances in this JVM share, no
 * server), {@code postgresql}, {@code mariadb} and {@code redis} (the servers of the
 * {@code services} profile on 127.0.0.1); each run uses a table or key prefix of its own.
 * Run it with:
 *
 * <pre>
 * ./mvnw -B -q -Pbenchmark -pl complaint-autoconfigure -am process-test-classes \
 *     -Dexec.mainClass=io.github.wechatpaycomplaint.notification.DurableProcessingBenchmark \
 *     -Dexec.args="end-to-end postgresql 10000"
 * </pre>
 *
 * Arguments: part ({@code answer-time} or {@code end-to-end}), store (default
 * {@code postgresql}), notifications (default 10000 end to end, 2000 for the answer time
 * in durable mode; the in-request mode sends 40, since each takes 3 s), and end to end
 * the workers per instance ({@code inbox.concurrency}, default 16: with the property's
 * default of 4 the workers, not the inbox, set the pace).
 */
public final class DurableProcessingBenchmark {

	static final int SENDERS = 8;

	static final long LISTENER_MILLIS = 3000;

	/** Notifications per second of the paced load, far above one merchant's real rate. */
	static final int PACED_RATE = 50;

	private DurableProcessingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String part = (args.length > 0) ? args[0] : "end-to-end";
		Store store = Store.from((args.length > 1) ? args[1] : "postgresql");
		switch (part) {
			case "answer-time" -> answerTime(store, (args.length > 2) ? Integer.parseInt(args[2]) : 2000);
			case "end-to-end" -> endToEnd(store, (args.length > 2) ? Integer.parseInt(args[2]) : 10_000,
					(args.length > 3) ? Integer.parseInt(args[3]) : 16);
			default -> throw new IllegalArgumentException("Unknown part '" + part + "'; use answer-time or end-to-end");
		}
		System.exit(0);
	}

	private static void answerTime(Store store, int durableCount) throws Exception {
		String scope = scope();
		List<SignedNotification> durableLoad = sign("durable", durableCount, 1);
		List<SignedNotification> inRequestLoad = sign("in-request", 40, 1);
		try (ConfigurableApplicationContext durable = start(SlowListenerApplication.class, store, scope,
				"wechatpay.complaint.notification.processing=durable");
				ConfigurableApplicationContext inRequest = start(SlowListenerApplication.class, store, scope,
						"wechatpay.complaint.notification.processing=in-request")) {
			// Warm-up: the first requests load classes and fill the connection pool.
			send(port(durable), sign("warm-up", 200, 1));
			long[] paced = sendPaced(port(durable), sign("paced", PACED_RATE * 20, 1), PACED_RATE);
			long[] durableTimes = send(port(durable), durableLoad);
			long[] inRequestTimes = send(port(inRequest), inRequestLoad);
			System.out.printf(Locale.ROOT, "listener pass: %d ms; inbox: %s; %d CPUs%n", LISTENER_MILLIS,
					store.argument, Runtime.getRuntime().availableProcessors());
			report("durable, " + PACED_RATE + "/s", paced);
			report("durable, " + SENDERS + " senders", durableTimes);
			report("in-request, " + SENDERS + " senders", inRequestTimes);
		}
	}

	private static void endToEnd(Store store, int count, int concurrency) throws Exception {
		String scope = scope();
		System.out.printf("Signing %,d notifications...%n", count);
		List<SignedNotification> load = sign("e2e", count, 10);
		PublicationCounter counter = new PublicationCounter();
		String workers = "wechatpay.complaint.notification.inbox.concurrency=" + concurrency;
		try (ConfigurableApplicationContext first = start(CountingApplication.class, store, scope, workers, counter);
				ConfigurableApplicationContext second = start(CountingApplication.class, store, scope, workers,
						counter)) {
			send(port(first), sign("e2e-warm-up", 100, 1));
			awaitPublished(counter, 100, 60_000);
			counter.reset();
			long start = System.nanoTime();
			long[] answers = sendAlternating(new int[] { port(first), port(second) }, load);
			long answered = System.nanoTime() - start;
			boolean complete = awaitPublished(counter, count, 600_000);
			long published = System.nanoTime() - start;
			System.out.printf(Locale.ROOT,
					"inbox: %s; two instances; %,d notifications over %,d complaints; "
							+ "%d concurrent senders; %d workers per instance; %d CPUs%n",
					store.argument, count, count / 10, SENDERS, concurrency,
					Runtime.getRuntime().availableProcessors());
			System.out.printf(Locale.ROOT, "answered: all in %.1f s (%,.0f notifications/s)%n", answered / 1e9,
					count / (answered / 1e9));
			report("answer time", answers);
			System.out.printf(Locale.ROOT, "published: %s in %.1f s (%,.0f notifications/s end to end)%n",
					complete ? "all" : "NOT all", published / 1e9, counter.distinct() / (published / 1e9));
			System.out.printf(Locale.ROOT, "publications per instance: %s%n", counter.perInstance);
			counter.assertExactlyOnce(load);
			System.out.println("every notification published exactly once");
		}
	}

	private static boolean awaitPublished(PublicationCounter counter, int expected, long timeoutMillis)
			throws InterruptedException {
		long deadline = System.currentTimeMillis() + timeoutMillis;
		while (counter.distinct() < expected) {
			if (System.currentTimeMillis() > deadline) {
				return false;
			}
			Thread.sleep(20);
		}
		// Let a publication that would come twice show up.
		Thread.sleep(2000);
		return true;
	}

	private static String scope() {
		return "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static void report(String label, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT, "%-24s: %,d answers, p50 %8.1f ms, p99 %8.1f ms, max %8.1f ms%n", label,
				sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
	}

	private static double percentile(long[] sorted, double share) {
		return sorted[(int) Math.ceil(sorted.length * share) - 1] / 1e6;
	}

	private static ConfigurableApplicationContext start(Class<?> application, Store store, String scope, String setting,
			Object... beans) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(application).web(WebApplicationType.SERVLET)
			.properties(Vectors.merchantProperties())
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"logging.level.root=WARN", "wechatpay.complaint.notification.processing=durable", setting)
			.properties(store.properties(scope));
		for (Object bean : beans) {
			builder.initializers(
					(context) -> context.getBeanFactory().registerSingleton(bean.getClass().getSimpleName(), bean));
		}
		return builder.run();
	}

	// Created now, so that each is inside the accepted clock skew when it is sent.
	private static List<SignedNotification> sign(String prefix, int count, int perComplaint) {
		ThreadLocal<SignedNotificationBuilder> builders = ThreadLocal
			.withInitial(() -> NotificationContexts.notificationWithVectorKeys(Instant.now().getEpochSecond()));
		OffsetDateTime first = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1);
		return IntStream.range(0, count)
			.parallel()
			.mapToObj((i) -> builders.get()
				.id(prefix + "-" + i)
				.complaintId(prefix + "-complaint-" + (i / perComplaint))
				.createTime(first.plusSeconds(i % perComplaint))
				.timestamp(Instant.now())
				.build())
			.toList();
	}

	/**
	 * Sends at a fixed rate whatever the answers take, as WeChat Pay does: each answer
	 * time counts from when its request was due, so a slow answer that holds up the next
	 * request is not hidden.
	 */
	private static long[] sendPaced(int port, List<SignedNotification> notifications, int perSecond) {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		URI uri = URI.create("http://127.0.0.1:" + port + NotificationContexts.PATH);
		long[] answerTimes = new long[notifications.size()];
		List<CompletableFuture<?>> answers = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < notifications.size(); i++) {
			long due = start + i * 1_000_000_000L / perSecond;
			LockSupport.parkNanos(due - System.nanoTime());
			int index = i;
			HttpRequest.Builder request = HttpRequest.newBuilder(uri)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(notifications.get(i).body()));
			notifications.get(i).headers().forEach(request::header);
			answers.add(
					client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).thenAccept((response) -> {
						answerTimes[index] = System.nanoTime() - due;
						if (response.statusCode() != 204) {
							throw new IllegalStateException(uri + " answered " + response.statusCode());
						}
					}));
		}
		CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
		return answerTimes;
	}

	private static long[] send(int port, List<SignedNotification> notifications) throws Exception {
		return sendAlternating(new int[] { port }, notifications);
	}

	// Like a load balancer: notification i goes to instance i modulo the instances.
	private static long[] sendAlternating(int[] ports, List<SignedNotification> notifications) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		long[] answerTimes = new long[notifications.size()];
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
		try {
			List<Future<?>> senders = new ArrayList<>();
			for (int s = 0; s < SENDERS; s++) {
				senders.add(pool.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < notifications.size()) {
						URI uri = URI.create("http://127.0.0.1:" + ports[i % ports.length] + NotificationContexts.PATH);
						answerTimes[i] = post(client, uri, notifications.get(i));
					}
					return null;
				}));
			}
			for (Future<?> sender : senders) {
				sender.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		return answerTimes;
	}

	private static long post(HttpClient client, URI uri, SignedNotification notification)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(notification.body()));
		notification.headers().forEach(request::header);
		long sent = System.nanoTime();
		HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
		long answerTime = System.nanoTime() - sent;
		if (response.statusCode() != 204) {
			throw new IllegalStateException(uri + " answered " + response.statusCode());
		}
		return answerTime;
	}

	enum Store {

		H2("h2"), POSTGRESQL("postgresql"), MARIADB("mariadb"), REDIS("redis");

		final String argument;

		Store(String argument) {
			this.argument = argument;
		}

		static Store from(String argument) {
			return Arrays.stream(values())
				.filter((store) -> store.argument.equals(argument))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(
						"Unknown store '" + argument + "'; use h2, postgresql, mariadb or redis"));
		}

		String[] properties(String scope) {
			String inbox = "wechatpay.complaint.notification.inbox.";
			return switch (this) {
				case H2 -> jdbc(inbox, scope, "jdbc:h2:mem:" + scope + ";DB_CLOSE_DELAY=-1", "sa");
				case POSTGRESQL -> jdbc(inbox, scope, Services.POSTGRESQL_URL, "postgres");
				case MARIADB -> jdbc(inbox, scope, Services.MARIADB_URL, "root");
				case REDIS -> new String[] { inbox + "store=redis", inbox + "redis.key-prefix={" + scope + "}:",
						"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6379" };
			};
		}

		private static String[] jdbc(String inbox, String table, String url, String user) {
			return new String[] { inbox + "store=jdbc", inbox + "jdbc.table-name=" + table,
					inbox + "jdbc.initialize-schema=true", "spring.datasource.url=" + url,
					"spring.datasource.username=" + user, "spring.datasource.hikari.maximum-pool-size=20" };
		}

	}

	/** Counts the publications of every notification id, on all instances of this JVM. */
	static final class PublicationCounter {

		final Map<String, AtomicInteger> byId = new ConcurrentHashMap<>();

		final Map<Integer, AtomicInteger> perInstance = new ConcurrentHashMap<>();

		void published(int instance, String notificationId) {
			this.byId.computeIfAbsent(notificationId, (id) -> new AtomicInteger()).incrementAndGet();
			this.perInstance.computeIfAbsent(instance, (id) -> new AtomicInteger()).incrementAndGet();
		}

		int distinct() {
			return this.byId.size();
		}

		void reset() {
			this.byId.clear();
			this.perInstance.clear();
		}

		void assertExactlyOnce(List<SignedNotification> sent) {
			for (SignedNotification notification : sent) {
				AtomicInteger times = this.byId.get(notification.id());
				if (times == null || times.get() != 1) {
					throw new IllegalStateException("Notification " + notification.id() + " published "
							+ ((times != null) ? times.get() : 0) + " times");
				}
			}
			if (this.byId.size() != sent.size()) {
				throw new IllegalStateException(
						"Published " + this.byId.size() + " notifications, sent " + sent.size());
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, JacksonAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class, DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
			DataRedisAutoConfiguration.class, ComplaintClientAutoConfiguration.class,
			ComplaintNotificationAutoConfiguration.class })
	static class Base {

	}

	/** Every listener pass takes {@value #LISTENER_MILLIS} ms. */
	@Configuration(proxyBeanMethods = false)
	static class SlowListenerApplication extends Base {

		@EventListener
		public void on(ComplaintNotificationEvent event) throws InterruptedException {
			Thread.sleep(LISTENER_MILLIS);
		}

	}

	/** A no-op listener that counts publications. */
	@Configuration(proxyBeanMethods = false)
	static class CountingApplication extends Base {

		private static final AtomicInteger instances = new AtomicInteger();

		private final int instance = instances.incrementAndGet();

		private final PublicationCounter counter;

		CountingApplication(PublicationCounter counter) {
			this.counter = counter;
		}

		@EventListener
		public void on(ComplaintNotificationEvent event) {
			this.counter.published(this.instance, event.getNotificationId());
		}

	}

}
