package io.github.wechatpaycomplaint.notification.reactive;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.github.wechatpaycomplaint.notification.NotificationRequestProcessor;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux endpoint keeps no incoming buffer while a body streams in: on Reactor Netty
 * each chunk of a chunked body is a retained slice of the buffer it was read into, so
 * keeping the chunks until the body ends would let a body of many tiny chunks, stalled
 * below the limit, pin far more memory than max-body-size (16 KB): here 8,000 one-byte
 * chunks, each holding a 2 KB read buffer (Netty's default first read size), would keep
 * 16 MB alive for as long as the client keeps the connection open.
 */
class ReactiveBodyRetentionTests {

	private static final long NOW = 1_749_776_561L;

	private static final int READ_BUFFER = 2048;

	private static final int CHUNKS = 8000;

	private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

	private final List<ByteBuf> handedOut = new CopyOnWriteArrayList<>();

	@Test
	void aStalledBodyOfTinyChunksPinsNoMoreThanTheLimit() {
		run((endpoint) -> {
			Flux<DataBuffer> tinyChunksThenStall = Flux.range(0, CHUNKS)
				.map((i) -> oneByteInAReadBuffer())
				.concatWith(Flux.never());
			Disposable request = endpoint.handle(request(tinyChunksThenStall)).subscribe();
			try {
				long limit = 16 * 1024;
				assertThat(retainedCapacity()).as("bytes pinned by a stalled body under a %d-byte limit", limit)
					.isLessThanOrEqualTo(4 * limit);
			}
			finally {
				request.dispose();
			}
		});
	}

	@Test
	void aClientThatGoesAwayMidBodyLeavesNoBufferBehind() {
		run((endpoint) -> {
			Flux<DataBuffer> partThenStall = Flux.range(0, 10)
				.map((i) -> oneByteInAReadBuffer())
				.concatWith(Flux.never());
			Disposable request = endpoint.handle(request(partThenStall)).subscribe();
			request.dispose();
			assertThat(this.handedOut).hasSize(10).allSatisfy((buf) -> assertThat(buf.refCnt()).isZero());
		});
	}

	private long retainedCapacity() {
		return this.handedOut.stream().filter((buf) -> buf.refCnt() > 0).mapToLong(ByteBuf::capacity).sum();
	}

	private DataBuffer oneByteInAReadBuffer() {
		ByteBuf read = Unpooled.buffer(READ_BUFFER, READ_BUFFER).writeByte(' ');
		this.handedOut.add(read);
		return this.buffers.wrap(read);
	}

	private void run(Consumer<ReactiveComplaintNotificationEndpoint> test) {
		NotificationContexts.reactiveRunner()
			.withBean(MutableClock.class, () -> MutableClock.atEpochSecond(NOW))
			.run((context) -> test.accept(new ReactiveComplaintNotificationEndpoint(
					context.getBean(NotificationRequestProcessor.class), Schedulers.boundedElastic())));
	}

	private static MockServerRequest request(Flux<DataBuffer> body) {
		return MockServerRequest.builder()
			.method(HttpMethod.POST)
			.header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
			.body(body);
	}

}
