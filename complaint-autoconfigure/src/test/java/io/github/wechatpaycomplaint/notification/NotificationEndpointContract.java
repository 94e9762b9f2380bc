package io.github.wechatpaycomplaint.notification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.notification.event.ComplaintCreatedEvent;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.github.wechatpaycomplaint.testsupport.HangingDataSource;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification endpoint's contract over HTTP, on a real embedded server: one suite,
 * run by a subclass per web stack (Tomcat with Spring MVC, Reactor Netty with WebFlux),
 * which must answer alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NotificationEndpointContract {

	static final long NOW = 1_749_776_561L;

	static final String PATH = NotificationContexts.PATH;

	// Four times the default limit of 16 KB.
	private static final int OVERSIZED = 64 * 1024;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private ConfigurableApplicationContext application;

	private SignedNotificationBuilder builder;

	/**
	 * Starts an application of the stack under test on a free port of 127.0.0.1.
	 * @param sources the application's configuration besides the stack's
	 * auto-configuration
	 * @return the application, not yet run
	 */
	protected abstract SpringApplicationBuilder application(Class<?>... sources);

	/**
	 * The class of the web server the stack runs on.
	 * @return its simple name
	 */
	protected abstract String webServer();

	@BeforeAll
	void start() {
		this.application = run(ContractConfiguration.class);
	}

	@AfterAll
	void stop() {
		this.application.close();
	}

	@BeforeEach
	void freshNotification() {
		this.builder = NotificationContexts.notificationWithVectorKeys(NOW).id(UUID.randomUUID().toString());
		database().state = Database.State.UP;
		this.application.getBean(ContractListener.class).reset();
	}

	@Test
	void runsOnItsStacksServer() {
		assertThat(((WebServerApplicationContext) this.application).getWebServer().getClass().getSimpleName())
			.isEqualTo(webServer());
	}

	@Test
	void goodNotificationIs204AndOneEvent() {
		HttpResponse<String> answer = post(PATH, this.builder.build());
		assertThat(answer.statusCode()).isEqualTo(204);
		assertThat(answer.body()).isEmpty();
		assertThat(listener().events()).singleElement().isInstanceOfSatisfying(ComplaintCreatedEvent.class, (event) -> {
			assertThat(event.getNotificationId()).isEqualTo(this.builder.id());
			assertThat(event.getMerchantName()).isEqualTo("default");
		});
	}

	@Test
	void duplicateIs204WithoutASecondEvent() {
		assertThat(post(PATH, this.builder.build()).statusCode()).isEqualTo(204);
		assertThat(post(PATH, this.builder.build()).statusCode()).isEqualTo(204);
		assertThat(listener().calls()).isEqualTo(1);
	}

	@Test
	void theMerchantsOwnPathTakesItsNotification() {
		assertThat(post(PATH + "/default", this.builder.build()).statusCode()).isEqualTo(204);
		assertThat(listener().events()).hasSize(1);
	}

	@Test
	void forgedSignatureIs401() {
		SignedNotification forged = this.builder.signingKey(RsaKeyPairs.generate().getPrivate()).build();
		assertRefused(post(PATH, forged), 401, "INVALID_SIGNATURE");
		assertThat(listener().calls()).isZero();
	}

	@Test
	void staleTimestampIs401() {
		SignedNotification stale = this.builder.timestamp(Instant.ofEpochSecond(NOW - 301)).build();
		assertRefused(post(PATH, stale), 401, "TIMESTAMP_OUT_OF_WINDOW");
		assertThat(listener().calls()).isZero();
	}

	@Test
	void tamperedBodyIs401() {
		SignedNotification notification = this.builder.build();
		byte[] tampered = notification.bodyText()
			.replace("COMPLAINT.CREATE", "COMPLAINT.CREATF")
			.getBytes(StandardCharsets.UTF_8);
		assertRefused(post(PATH, notification.withBody(tampered)), 401, "INVALID_SIGNATURE");
		assertThat(listener().calls()).isZero();
	}

	@Test
	void oversizedBodyWithContentLengthIs413() {
		SignedNotification large = this.builder.sign(oversizedJson());
		assertRefused(post(PATH, large), 413, "PAYLOAD_TOO_LARGE");
	}

	@Test
	void oversizedChunkedBodyIs413WhileItStreamsIn() throws IOException {
		// No Content-Length: the limit is only found by reading. The body goes past the
		// limit and then stalls, never ended: an endpoint that waited for the whole body
		// would never answer.
		SignedNotification notification = this.builder.build();
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			StringBuilder head = new StringBuilder("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n");
			notification.headers()
				.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
			byte[] chunk = new byte[8 * 1024];
			Arrays.fill(chunk, (byte) ' ');
			for (int sent = 0; sent < OVERSIZED; sent += chunk.length) {
				out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				out.write(chunk);
				out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.flush();
			RawAnswer answer = RawAnswer.read(socket.getInputStream());
			assertThat(answer.status()).isEqualTo(413);
			assertThat(answer.body()).startsWith("{\"code\":\"PAYLOAD_TOO_LARGE\",\"message\":\"");
		}
	}

	@Test
	void otherMethodsAre405WithAllowPost() {
		HttpResponse<String> answer = send(HttpRequest.newBuilder(url(PATH)).GET().build());
		assertRefused(answer, 405, "METHOD_NOT_ALLOWED");
		assertThat(answer.headers().firstValue("Allow")).hasValue("POST");
	}

	@Test
	void otherContentTypesAre415() {
		SignedNotification notification = this.builder.build();
		HttpRequest request = notificationRequest(PATH, notification).setHeader("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofByteArray(notification.body()))
			.build();
		assertRefused(send(request), 415, "UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void unknownMerchantPathIs404() {
		assertRefused(post(PATH + "/nobody", this.builder.build()), 404, "UNKNOWN_MERCHANT");
		assertRefused(send(HttpRequest.newBuilder(url(PATH + "/nobody")).GET().build()), 404, "UNKNOWN_MERCHANT");
	}

	@Test
	void listenerFailureIs500AndTheRedeliveryIsHandled() {
		listener().failNext();
		assertRefused(post(PATH, this.builder.build()), 500, "LISTENER_FAILED");
		assertThat(listener().events()).isEmpty();
		assertThat(post(PATH, this.builder.build()).statusCode()).isEqualTo(204);
		assertThat(listener().events()).hasSize(1);
		assertThat(listener().calls()).isEqualTo(2);
	}

	@Test
	void storeDownIs500AndTheRedeliveryIsHandled() {
		database().state = Database.State.DOWN;
		assertRefused(post(PATH, this.builder.build()), 500, "STORE_UNAVAILABLE");
		assertThat(listener().calls()).isZero();
		database().state = Database.State.UP;
		assertThat(post(PATH, this.builder.build()).statusCode()).isEqualTo(204);
		assertThat(listener().events()).hasSize(1);
	}

	@Test
	void storeThatHangsIs500BeforeWechatPayGivesUp() {
		// WeChat Pay waits about 5 s for an answer: the store's operation timeout (1 s)
		// answers first, so that it delivers again.
		database().state = Database.State.HANGS;
		SignedNotification notification = this.builder.build();
		HttpRequest request = notificationRequest(PATH, notification).timeout(Duration.ofSeconds(5))
			.POST(HttpRequest.BodyPublishers.ofByteArray(notification.body()))
			.build();
		assertRefused(send(request), 500, "STORE_UNAVAILABLE");
		assertThat(listener().calls()).isZero();
		database().state = Database.State.UP;
		assertThat(post(PATH, this.builder.build()).statusCode()).isEqualTo(204);
		assertThat(listener().events()).hasSize(1);
	}

	@Test
	void listenersNeverRunOnAnEventLoopThread() {
		assertThat(post(PATH, this.builder.build()).statusCode()).isEqualTo(204);
		assertThat(listener().threads()).singleElement().satisfies((thread) -> {
			assertThat(thread.nonBlocking()).as("listener on a non-blocking thread: " + thread.name()).isFalse();
			assertThat(thread.name()).doesNotStartWith("reactor-http");
		});
	}

	private Database database() {
		return this.application.getBean(Database.class);
	}

	private ContractListener listener() {
		return this.application.getBean(ContractListener.class);
	}

	private ConfigurableApplicationContext run(Class<?> configuration) {
		List<String> properties = new ArrayList<>(Arrays.asList(Vectors.merchantProperties()));
		properties.addAll(List.of("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
				"wechatpay.complaint.notification.deduplication.store=jdbc",
				"wechatpay.complaint.notification.deduplication.jdbc.initialize-schema=true",
				"wechatpay.complaint.notification.deduplication.operation-timeout=1s"));
		return application(configuration).properties(properties.toArray(String[]::new)).run();
	}

	private static byte[] oversizedJson() {
		return ("{\"id\":\"" + "x".repeat(OVERSIZED) + "\"}").getBytes(StandardCharsets.UTF_8);
	}

	private HttpResponse<String> post(String path, SignedNotification notification) {
		return send(notificationRequest(path, notification)
			.POST(HttpRequest.BodyPublishers.ofByteArray(notification.body()))
			.build());
	}

	private HttpRequest.Builder notificationRequest(String path, SignedNotification notification) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json");
		notification.headers().forEach(request::header);
		return request;
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + port() + path);
	}

	private int port() {
		return ((WebServerApplicationContext) this.application).getWebServer().getPort();
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void assertRefused(HttpResponse<String> answer, int status, String code) {
		assertThat(answer.statusCode()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/json"));
		assertThat(answer.body()).startsWith("{\"code\":\"" + code + "\",\"message\":\"")
			.endsWith("\"}")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
	}

	/**
	 * The application of the contract: the endpoint tests' clock (that of the signed
	 * notifications), a listener, and the JDBC de-duplication store on a database that
	 * can be taken down.
	 */
	@Configuration(proxyBeanMethods = false)
	@Import(ComplaintNotificationEndpointTests.TestConfiguration.class)
	static class ContractConfiguration {

		@Bean
		ContractListener contractListener() {
			return new ContractListener();
		}

		@Bean
		Database database() {
			return new Database(
					new DriverManagerDataSource("jdbc:h2:mem:contract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
		}

	}

	/**
	 * An H2 database that can be down (every connection fails at once) or hang (no
	 * connection is ever handed out, like a pool in front of a dead database).
	 */
	static final class Database extends DelegatingDataSource {

		enum State {

			UP, DOWN, HANGS

		}

		private final DataSource hanging = new HangingDataSource().dataSource();

		volatile State state = State.UP;

		Database(DataSource database) {
			super(database);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return switch (this.state) {
				case UP -> super.getConnection();
				case DOWN -> throw new SQLException("Connection refused");
				case HANGS -> this.hanging.getConnection();
			};
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

	}

	/** Records events and the thread each ran on, and fails once on demand. */
	static final class ContractListener {

		private final List<ComplaintNotificationEvent> events = new CopyOnWriteArrayList<>();

		private final List<ListenerThread> threads = new CopyOnWriteArrayList<>();

		private final AtomicInteger calls = new AtomicInteger();

		private volatile boolean failNext;

		@EventListener
		void on(ComplaintNotificationEvent event) {
			this.calls.incrementAndGet();
			this.threads.add(new ListenerThread(Thread.currentThread().getName(), Schedulers.isInNonBlockingThread()));
			if (this.failNext) {
				this.failNext = false;
				throw new IllegalStateException("Listener failure for " + event.getNotificationId());
			}
			this.events.add(event);
		}

		List<ComplaintNotificationEvent> events() {
			return this.events;
		}

		List<ListenerThread> threads() {
			return this.threads;
		}

		int calls() {
			return this.calls.get();
		}

		void failNext() {
			this.failNext = true;
		}

		void reset() {
			this.events.clear();
			this.threads.clear();
			this.calls.set(0);
			this.failNext = false;
		}

	}

	record ListenerThread(String name, boolean nonBlocking) {
	}

	/**
	 * The status and body of an HTTP/1.1 answer read from a socket (a body of known
	 * length, or chunked).
	 */
	record RawAnswer(int status, String body) {

		static RawAnswer read(InputStream in) throws IOException {
			String statusLine = line(in);
			int status = Integer.parseInt(statusLine.split(" ")[1]);
			long length = 0;
			boolean chunked = false;
			for (String header = line(in); !header.isEmpty(); header = line(in)) {
				String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
				String value = header.substring(header.indexOf(':') + 1).trim();
				if (name.equals("content-length")) {
					length = Long.parseLong(value);
				}
				chunked |= name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked");
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if (chunked) {
				for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
					body.write(in.readNBytes(size));
					line(in);
				}
			}
			else {
				body.write(in.readNBytes((int) length));
			}
			return new RawAnswer(status, body.toString(StandardCharsets.UTF_8));
		}

		private static String line(InputStream in) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			for (int b = in.read(); b != '\n'; b = in.read()) {
				if (b < 0) {
					throw new IOException("The answer ended early");
				}
				if (b != '\r') {
					line.write(b);
				}
			}
			return line.toString(StandardCharsets.US_ASCII);
		}

	}

}
