package io.github.wechatpaycomplaint.notification.reactive;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the WebFlux endpoint reads a body: the limit holds while it streams in (an endless
 * body is answered 413), a body whose stream fails is answered 400, and every buffer it
 * was given is released.
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

	private void run(Consumer<ReactiveComplaintNotificationEndpoint> test) {
		NotificationContexts.reactiveRunner()
			.withBean(MutableClock.class, () -> MutableClock.atEpochSecond(NOW))
			.run((context) -> test.accept(new ReactiveComplaintNotificationEndpoint(
					context.getBean(NotificationRequestProcessor.class), Schedulers.boundedElastic())));
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

	private DataBuffer buffer(int size) {
		return wrap(new byte[size], 0, size);
	}

	private DataBuffer wrap(byte[] bytes, int offset, int length) {
		ByteBuf buf = Unpooled.copiedBuffer(bytes, offset, length);
		this.handedOut.add(buf);
		return this.buffers.wrap(buf);
	}

}
