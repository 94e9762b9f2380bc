package io.github.wechatpaycomplaint.notification.reactive;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.core.io.buffer.PooledDataBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BoundedBodyTests {

	private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);

	@Test
	void aBodyOfItsDeclaredLengthIsTheArrayItWasCopiedInto() {
		BoundedBody body = new BoundedBody(16, 11);
		DataBuffer first = buffer("hello ");
		DataBuffer second = buffer("world");
		body.append(first);
		body.append(second);
		byte[] bytes = body.toByteArray();
		assertThat(bytes).asString(StandardCharsets.UTF_8).isEqualTo("hello world");
		assertThat(body.toByteArray()).as("no trimming copy").isSameAs(bytes);
		assertThat(released(first)).isTrue();
		assertThat(released(second)).isTrue();
	}

	@Test
	void aBodyShorterThanDeclaredIsTrimmedToWhatArrived() {
		BoundedBody body = new BoundedBody(16, 11);
		body.append(buffer("hello"));
		assertThat(body.toByteArray()).asString(StandardCharsets.UTF_8).isEqualTo("hello");
	}

	@Test
	void aBodyLongerThanDeclaredGrowsUpToTheLimit() {
		BoundedBody body = new BoundedBody(16, 4);
		body.append(buffer("0123"));
		body.append(buffer("456789abcdef"));
		assertThat(body.toByteArray()).asString(StandardCharsets.UTF_8).isEqualTo("0123456789abcdef");
		DataBuffer tooMuch = buffer("!");
		assertThatExceptionOfType(DataBufferLimitException.class).isThrownBy(() -> body.append(tooMuch));
		// Left to the caller's discard hook: released once, not twice.
		assertThat(released(tooMuch)).isFalse();
		DataBufferUtils.release(tooMuch);
	}

	@Test
	void aBodyOfNoDeclaredLengthGrowsAsItArrives() {
		BoundedBody body = new BoundedBody(4096, -1);
		String chunk = "x".repeat(700);
		body.append(buffer(chunk));
		body.append(buffer(chunk));
		assertThat(body.toByteArray()).asString(StandardCharsets.UTF_8).isEqualTo(chunk + chunk);
	}

	@Test
	void aDeclaredLengthPastTheLimitIsNotTrusted() {
		BoundedBody body = new BoundedBody(8, 1_000_000);
		body.append(buffer("12345678"));
		assertThat(body.toByteArray()).hasSize(8);
		DataBuffer tooMuch = buffer("9");
		assertThatExceptionOfType(DataBufferLimitException.class).isThrownBy(() -> body.append(tooMuch));
		DataBufferUtils.release(tooMuch);
	}

	@Test
	void anEmptyBodyIsEmpty() {
		BoundedBody body = new BoundedBody(16, 0);
		body.append(buffer(""));
		assertThat(body.toByteArray()).isEmpty();
	}

	private DataBuffer buffer(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return this.buffers.allocateBuffer(Math.max(1, bytes.length)).write(bytes);
	}

	private static boolean released(DataBuffer buffer) {
		return !((PooledDataBuffer) buffer).isAllocated();
	}

}
