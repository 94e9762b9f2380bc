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
 * A body of a declared length is copied into an array of exactly that length, allocated
 * when its first bytes arrive: the array is the body, with no copy to trim it.
 */
final class BoundedBody {

	private static final byte[] NONE = new byte[0];

	private static final int INITIAL_CAPACITY = 1024;

	private final int limit;

	// The declared length, at most the limit, or -1 when none is declared.
	private final int expectedSize;

	private byte[] bytes = NONE;

	private int size;

	/**
	 * Creates an empty body.
	 * @param limit the most bytes it may hold
	 * @param declaredLength the request's {@code Content-Length}, or -1 when none is
	 * declared
	 */
	BoundedBody(int limit, long declaredLength) {
		this.limit = limit;
		this.expectedSize = (declaredLength >= 0 && declaredLength <= limit) ? (int) declaredLength : -1;
	}

	/**
	 * Copies the readable bytes of a buffer and releases it, unless it would take the
	 * body past the limit: that buffer is left to the caller. Reactor's {@code collect}
	 * hands the element whose accumulation failed to its discard hook, which releases it;
	 * were it released here too, a slice sharing its reference count with Netty's read
	 * buffer would be released twice.
	 * @param buffer the next chunk of the body
	 * @throws DataBufferLimitException when the body grows past the limit
	 */
	void append(DataBuffer buffer) {
		int count = buffer.readableByteCount();
		if (count > this.limit - this.size) {
			throw new DataBufferLimitException("A body of more than " + this.limit + " bytes");
		}
		try {
			if (this.size + count > this.bytes.length) {
				grow(count);
			}
			buffer.read(this.bytes, this.size, count);
			this.size += count;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private void grow(int count) {
		int needed = this.size + count;
		if (this.bytes.length == 0 && this.expectedSize >= needed) {
			this.bytes = new byte[this.expectedSize];
			return;
		}
		int grown = (int) Math.min(this.limit, Math.max(needed, Math.max(INITIAL_CAPACITY, 2L * this.bytes.length)));
		this.bytes = Arrays.copyOf(this.bytes, grown);
	}

	byte[] toByteArray() {
		return (this.size == this.bytes.length) ? this.bytes : Arrays.copyOf(this.bytes, this.size);
	}

}
