package io.github.wechatpaycomplaint.notification.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The deadline of every JDBC and Redis store operation: the caller waits at most the
 * timeout, the worker is interrupted, what the caller did not get is undone, and the
 * workers are bounded.
 */
class StoreOperationDeadlineTests {

	private final StoreOperationDeadline deadline = new StoreOperationDeadline("test", Duration.ofMillis(300));

	@Test
	void returnsTheResultOrTheFailureOfAnOperationInTime() {
		assertThat(this.deadline.call(() -> "done", null)).isEqualTo("done");
		assertThatIllegalStateException().isThrownBy(() -> this.deadline.call(() -> {
			throw new IllegalStateException("store down");
		}, null)).withMessage("store down");
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
	void anOperationGivenUpIsInterruptedAndThenUndone() {
		CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
		CompletableFuture<Boolean> undone = new CompletableFuture<>();
		assertThatExceptionOfType(DeduplicationStoreUnavailableException.class)
			.isThrownBy(() -> this.deadline.callOrUndo(() -> {
				try {
					new CountDownLatch(1).await();
				}
				catch (InterruptedException ex) {
					interrupted.complete(true);
					// As Lettuce does: the command was sent, only its answer is lost.
					throw new IllegalStateException("Command interrupted");
				}
				return "claimed";
			}, () -> undone.complete(!Thread.currentThread().isInterrupted())))
			.withMessage("The test de-duplication store did not answer within 300 ms");
		assertThat(interrupted).succeedsWithin(Duration.ofSeconds(5));
		// The undo runs on a worker whose interrupt was cleared, so that it can wait for
		// its own command.
		assertThat(undone).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(true);
	}

	@Test
	void anOperationThatSucceedsAfterTheCallerGaveUpIsUndoneByCallOrUndo() {
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Boolean> undone = new CompletableFuture<>();
		assertThatExceptionOfType(DeduplicationStoreUnavailableException.class).isThrownBy(() -> this.deadline
			.callOrUndo(() -> awaitIgnoringInterrupts(release, "claimed"), () -> undone.complete(true)));
		assertThat(undone).isNotDone();
		release.countDown();
		assertThat(undone).succeedsWithin(Duration.ofSeconds(5));
	}

	@Test
	void anOperationThatFailsInTimeIsUndoneAndItsFailureReported() {
		CompletableFuture<Boolean> undone = new CompletableFuture<>();
		assertThatIllegalStateException().isThrownBy(() -> this.deadline.callOrUndo(() -> {
			throw new IllegalStateException("command timed out, outcome unknown");
		}, () -> undone.complete(true))).withMessage("command timed out, outcome unknown");
		assertThat(undone).succeedsWithin(Duration.ofSeconds(5));
	}

	@Test
	void anOperationThatSucceedsInTimeIsNotUndone() throws Exception {
		AtomicBoolean undone = new AtomicBoolean();
		assertThat(this.deadline.callOrUndo(() -> "claimed", () -> undone.set(true))).isEqualTo("claimed");
		// Undoing would run on the worker right after the answer; give it the chance.
		Thread.sleep(100);
		assertThat(undone).isFalse();
	}

	@Test
	void anUndoThatFailsIsOnlyLogged() {
		assertThatIllegalStateException().isThrownBy(() -> this.deadline.callOrUndo(() -> {
			throw new IllegalStateException("store down");
		}, () -> {
			throw new IllegalStateException("still down");
		})).withMessage("store down");
	}

	@Test
	void whenEveryWorkerIsStuckTheNextOperationFailsAtOnceInsteadOfQueueing() {
		StoreOperationDeadline fast = new StoreOperationDeadline("busy", Duration.ofMillis(10));
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger stuck = new AtomicInteger();
		try {
			// An operation whose caller gave up before a worker picked it up is skipped
			// and frees its worker, so on a
			// loaded machine it can take more than 64 calls to get every worker stuck.
			for (int calls = 0; stuck.get() < StoreOperationDeadline.MAX_CONCURRENT_OPERATIONS; calls++) {
				assertThat(calls).as("calls needed to occupy every worker").isLessThan(100_000);
				assertThatExceptionOfType(DeduplicationStoreUnavailableException.class)
					.isThrownBy(() -> fast.call(() -> {
						stuck.incrementAndGet();
						return awaitIgnoringInterrupts(release, "stuck");
					}, null));
			}
			AtomicBoolean ran = new AtomicBoolean();
			assertThatExceptionOfType(DeduplicationStoreUnavailableException.class).isThrownBy(() -> fast.call(() -> {
				ran.set(true);
				return "never";
			}, null)).withMessage("The busy de-duplication store already has 64 operations waiting for it");
			assertThat(ran).isFalse();
			assertThat(stuck).hasValue(StoreOperationDeadline.MAX_CONCURRENT_OPERATIONS);
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

	@Test
	void aStoreOtherThanDeduplicationIsNamedAsItsOwnerDescribesIt() {
		StoreOperationDeadline inbox = new StoreOperationDeadline("jdbc-inbox", "JDBC inbox", Duration.ofMillis(100));
		assertThatExceptionOfType(DeduplicationStoreUnavailableException.class).isThrownBy(() -> inbox.call(() -> {
			new CountDownLatch(1).await();
			return "late";
		}, null)).withMessage("The JDBC inbox did not answer within 100 ms");
	}

}
