package io.github.wechatpaycomplaint.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An answer is read up to its cap and no further: an endless body stops one byte past it,
 * a declared length above it stops before the first byte.
 */
class BoundedAnswersTests {

	private static final int CAP = 64 * 1024;

	@Test
	void stopsReadingAnEndlessBodyOneBytePastTheCap() {
		AtomicLong read = new AtomicLong();
		Answer answer = new Answer(new HttpHeaders(), new Endless(read));
		assertThatExceptionOfType(WechatPayAnswerTooLargeException.class)
			.isThrownBy(() -> BoundedAnswers.readAndClose(answer, CAP, "GET /v3/x"))
			.withMessageContaining("GET /v3/x")
			.withMessageContaining(String.valueOf(CAP));
		assertThat(read.get()).isEqualTo(CAP + 1);
		assertThat(answer.closed).isTrue();
	}

	@Test
	void refusesADeclaredLengthAboveTheCapWithoutReading() {
		AtomicLong read = new AtomicLong();
		HttpHeaders headers = new HttpHeaders();
		headers.setContentLength(CAP + 1L);
		Answer answer = new Answer(headers, new Endless(read));
		assertThatExceptionOfType(WechatPayAnswerTooLargeException.class)
			.isThrownBy(() -> BoundedAnswers.readAndClose(answer, CAP, "GET /v3/x"))
			.withMessageContaining("Content-Length: " + (CAP + 1));
		assertThat(read.get()).isZero();
		assertThat(answer.closed).isTrue();
	}

	@Test
	void readsABodyOfExactlyTheCap() throws IOException {
		byte[] body = new byte[CAP];
		Answer answer = new Answer(new HttpHeaders(), new java.io.ByteArrayInputStream(body));
		assertThat(BoundedAnswers.readAndClose(answer, CAP, "GET /v3/x")).hasSize(CAP);
	}

	private static final class Endless extends InputStream {

		private final AtomicLong read;

		Endless(AtomicLong read) {
			this.read = read;
		}

		@Override
		public int read() {
			this.read.incrementAndGet();
			return 'x';
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
			this.read.addAndGet(length);
			return length;
		}

	}

	private static final class Answer implements ClientHttpResponse {

		private final HttpHeaders headers;

		private final InputStream body;

		private boolean closed;

		Answer(HttpHeaders headers, InputStream body) {
			this.headers = headers;
			this.body = body;
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatus.OK;
		}

		@Override
		public String getStatusText() {
			return "OK";
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public InputStream getBody() {
			return this.body;
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
