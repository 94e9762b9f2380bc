package io.github.wechatpaycomplaint.notification.reactive;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.wechatpaycomplaint.notification.NotificationRequestProcessor;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;
import org.springframework.web.reactive.function.server.EntityResponse;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the WebFlux endpoint reads a body: the limit holds while it streams in (an endless
 * body is answered 413), a body whose stream fails or stalls past the read timeout is
 * answered 400, and every buffer it was given is released; and how it answers 503 when
 * its scheduler has no room left (full, or disposed on close).
 */
class ReactiveComplaintNotificationEndpointTests {

	private static final long NOW = 1_749_776_561L;

	private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

	private final List<ByteBuf> handedOut = new CopyOnWriteArrayList<>();

	@Test
	void anEndlessBodyIs413AndItsBuffersAreReleased() {
		run((endpoint) -> {
			Flux<DataBuffer> endless = Flux.generate((sink) -> sink.next(buffer(4096)));
			assertThat(status(endpoint, request(endless))).isEqualTo(413);
			assertThat(this.handedOut).hasSizeGreaterThan(4).allSatisfy((buf) -> assertThat(buf.refCnt()).isZero());
		});
	}

	@Test
	void aBodyWhoseStreamFailsIs400AndItsBuffersAreReleased() {
		run((endpoint) -> {
			Flux<DataBuffer> broken = Flux.concat(Flux.just(buffer(100), buffer(100)),
					Flux.error(new IOException("Connection reset by peer")));
			assertThat(status(endpoint, request(broken))).isEqualTo(400);
			assertThat(this.handedOut).hasSize(2).allSatisfy((buf) -> assertThat(buf.refCnt()).isZero());
		});
	}

	@Test
	void aNotificationInSeveralBuffersIsJoinedAndHandled() {
		SignedNotification notification = NotificationContexts.notificationWithVectorKeys(NOW).build();
		run((endpoint) -> {
			byte[] body = notification.body();
			int half = body.length / 2;
			Flux<DataBuffer> split = Flux.just(wrap(body, 0, half), wrap(body, half, body.length - half));
			MockServerRequest.Builder request = MockServerRequest.builder()
				.method(HttpMethod.POST)
				.header("Content-Type", MediaType.APPLICATION_JSON_VALUE);
			notification.headers().forEach(request::header);
			assertThat(status(endpoint, request.body(split))).isEqualTo(204);
			assertThat(this.handedOut).allSatisfy((buf) -> assertThat(buf.refCnt()).isZero());
		});
	}

	@Test
	void aBodyNotReadWithinTheReadTimeoutIs400AndItsBuffersAreReleased() {
		runWithProcessor((processor) -> {
			ReactiveComplaintNotificationEndpoint endpoint = new ReactiveComplaintNotificationEndpoint(processor,
					Schedulers.boundedElastic(), Duration.ofMillis(100));
			Flux<DataBuffer> stalled = Flux.just(buffer(100)).concatWith(Flux.never());
			long start = System.nanoTime();
			ServerResponse response = endpoint.handle(request(stalled)).block(Duration.ofSeconds(10));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
			assertThat(response.statusCode().value()).isEqualTo(400);
			assertThat(code(response)).isEqualTo("MALFORMED_NOTIFICATION");
			assertThat(this.handedOut).hasSize(1).allSatisfy((buf) -> assertThat(buf.refCnt()).isZero());
		});
	}

	@Test
	void aDeliveryFindingEveryThreadBusyAndTheQueueFullIs503AtOnce() throws InterruptedException {
		Scheduler scheduler = Schedulers.newBoundedElastic(1, 1, "busy-test");
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try {
			scheduler.schedule(() -> {
				started.countDown();
				awaitQuietly(release);
			});
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			scheduler.schedule(() -> awaitQuietly(release));
			runWithProcessor((processor) -> {
				ReactiveComplaintNotificationEndpoint endpoint = new ReactiveComplaintNotificationEndpoint(processor,
						scheduler);
				ServerResponse response = endpoint
					.handle(signed(NotificationContexts.notificationWithVectorKeys(NOW).build()))
					.block(Duration.ofSeconds(10));
				assertThat(response.statusCode().value()).isEqualTo(503);
				assertThat(code(response)).isEqualTo("ENDPOINT_BUSY");
				// A forged delivery is refused on the calling thread: forgeries cannot
				// fill the queue that genuine deliveries wait in.
				assertThat(status(endpoint, request(Flux.just(buffer(100))))).isEqualTo(401);
				assertThat(this.handedOut).allSatisfy((buf) -> assertThat(buf.refCnt()).isZero());
			});
		}
		finally {
			release.countDown();
			scheduler.dispose();
		}
	}

	@Test
	void anEndpointDisposesItsOwnSchedulerOnCloseAndThenAnswers503() {
		runWithProcessor((processor) -> {
			ReactiveComplaintNotificationEndpoint endpoint = new ReactiveComplaintNotificationEndpoint(processor, 2, 2,
					Duration.ofSeconds(10));
			endpoint.close();
			assertThat(status(endpoint, signed(NotificationContexts.notificationWithVectorKeys(NOW).build())))
				.isEqualTo(503);
		});
	}

	@Test
	void aSchedulerOfTheCallerIsNotDisposedOnClose() {
		Scheduler scheduler = Schedulers.newBoundedElastic(1, 1, "caller-test");
		try {
			runWithProcessor((processor) -> new ReactiveComplaintNotificationEndpoint(processor, scheduler).close());
			assertThat(scheduler.isDisposed()).isFalse();
		}
		finally {
			scheduler.dispose();
		}
	}

	private void run(Consumer<ReactiveComplaintNotificationEndpoint> test) {
		runWithProcessor((processor) -> test
			.accept(new ReactiveComplaintNotificationEndpoint(processor, Schedulers.boundedElastic())));
	}

	private void runWithProcessor(Consumer<NotificationRequestProcessor> test) {
		NotificationContexts.reactiveRunner()
			.withBean(MutableClock.class, () -> MutableClock.atEpochSecond(NOW))
			.run((context) -> test.accept(context.getBean(NotificationRequestProcessor.class)));
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String code(ServerResponse response) {
		byte[] json = (byte[]) ((EntityResponse<?>) response).entity();
		return new JsonMapper().readTree(json).get("code").asString();
	}

	private static int status(ReactiveComplaintNotificationEndpoint endpoint, MockServerRequest request) {
		ServerResponse response = endpoint.handle(request).block(Duration.ofSeconds(10));
		return response.statusCode().value();
	}

	private static MockServerRequest request(Flux<DataBuffer> body) {
		// No Content-Length: the limit is found only by reading.
		return MockServerRequest.builder()
			.method(HttpMethod.POST)
			.header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
			.body(body);
	}

	private MockServerRequest signed(SignedNotification notification) {
		MockServerRequest.Builder request = MockServerRequest.builder()
			.method(HttpMethod.POST)
			.header("Content-Type", MediaType.APPLICATION_JSON_VALUE);
		notification.headers().forEach(request::header);
		byte[] body = notification.body();
		return request.body(Flux.just(wrap(body, 0, body.length)));
	}

	private DataBuffer buffer(int size) {
		return wrap(new byte[size], 0, size);
	}

	private DataBuffer wrap(byte[] bytes, int offset, int length) {
		ByteBuf buf = Unpooled.copiedBuffer(bytes, offset, length);
		this.handedOut.add(buf);
		return this.buffers.wrap(buf);
	}

}
