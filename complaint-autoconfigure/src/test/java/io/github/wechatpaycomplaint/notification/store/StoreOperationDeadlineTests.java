package io.github.wechatpaycomplaint.notification.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The deadline of every JDBC and Redis store operation: the caller waits at most the timeout, the worker is
 * interrupted, a late success is undone, and the workers are bounded.
 */
class StoreOperationDeadlineTests {

	private final StoreOperationDeadline deadline = new StoreOperationDeadline("test", Duration.ofMillis(300));

	@Test
	void returnsTheResultOrTheFailureOfAnOperationInTime() {
		assertThat(this.deadline.call(() -> "done", null)).isEqualTo("done");
		assertThatIllegalStateException()
			.isThrownBy(() -> this.deadline.call(() -> {
				throw new IllegalStateException("store down");
			}, null))
			.withMessage("store down");
	}

	@Test
	void aHangingOperationFailsWithinTheTimeoutAndItsWorkerIsInterrupted() {
		CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
		long start = System.nanoTime();
		assertThatExceptionOfType(DeduplicationStoreUnavailableException.class)
			.isThrownBy(() -> this.deadline.call(() -> {
				try {
					new CountDownLatch(1).await();
				}
				catch (InterruptedException ex) {
					interrupted.complete(true);
				}
				return "late";
			}, null))
			.withMessage("The test de-duplication store did not answer within 300 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(interrupted).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(true);
	}

	@Test
	void anOperationThatSucceedsAfterTheCallerGaveUpIsUndone() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> undone = new CompletableFuture<>();
		assertThatExceptionOfType(DeduplicationStoreUnavailableException.class)
			.isThrownBy(() -> this.deadline.call(() -> awaitIgnoringInterrupts(release, "claimed"), undone::complete));
		release.countDown();
		assertThat(undone).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("claimed");
	}

	@Test
	void whenEveryWorkerIsStuckTheNextOperationFailsAtOnceInsteadOfQueueing() {
		StoreOperationDeadline fast = new StoreOperationDeadline("busy", Duration.ofMillis(10));
		CountDownLatch release = new CountDownLatch(1);
		try {
			for (int i = 0; i < StoreOperationDeadline.MAX_CONCURRENT_OPERATIONS; i++) {
				assertThatExceptionOfType(DeduplicationStoreUnavailableException.class)
					.isThrownBy(() -> fast.call(() -> awaitIgnoringInterrupts(release, "stuck"), null))
					.withMessageContaining("did not answer");
			}
			AtomicBoolean ran = new AtomicBoolean();
			assertThatExceptionOfType(DeduplicationStoreUnavailableException.class).isThrownBy(() -> fast.call(() -> {
				ran.set(true);
				return "never";
			}, null)).withMessage("The busy de-duplication store already has 64 operations waiting for it");
			assertThat(ran).isFalse();
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void refusesANonPositiveTimeout() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new StoreOperationDeadline("test", Duration.ZERO));
	}

	private static String awaitIgnoringInterrupts(CountDownLatch latch, String result) {
		boolean interrupted = false;
		while (true) {
			try {
				if (latch.await(10, TimeUnit.SECONDS)) {
					break;
				}
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		return result;
	}

}
