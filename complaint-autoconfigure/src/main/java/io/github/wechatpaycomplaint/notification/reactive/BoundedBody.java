package io.github.wechatpaycomplaint.notification.reactive;

import java.util.Arrays;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * The bytes of a request body, copied out of each buffer as it arrives so that the buffer
 * is released at once: on Reactor Netty a chunk may be a slice that keeps a far larger
 * read buffer alive, so keeping the chunks until the body ends would let a body of many
 * tiny chunks hold much more memory than the limit. The copy never grows past the limit.
 */
final class BoundedBody {

	private static final int INITIAL_CAPACITY = 1024;

	private final int limit;

	private byte[] bytes;

	private int size;

	BoundedBody(int limit) {
		this.limit = limit;
		this.bytes = new byte[Math.min(limit, INITIAL_CAPACITY)];
	}

	/**
	 * Copies the readable bytes of a buffer and releases it, whatever happens.
	 * @param buffer the next chunk of the body
	 * @throws DataBufferLimitException when the body grows past the limit
	 */
	void append(DataBuffer buffer) {
		try {
			int count = buffer.readableByteCount();
			if (count > this.limit - this.size) {
				throw new DataBufferLimitException("A body of more than " + this.limit + " bytes");
			}
			if (this.size + count > this.bytes.length) {
				int grown = (int) Math.min(this.limit, Math.max(this.size + count, 2L * this.bytes.length));
				this.bytes = Arrays.copyOf(this.bytes, grown);
			}
			buffer.read(this.bytes, this.size, count);
			this.size += count;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	byte[] toByteArray() {
		return (this.size == this.bytes.length) ? this.bytes : Arrays.copyOf(this.bytes, this.size);
	}

}
