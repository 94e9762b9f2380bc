package io.github.wechatpaycomplaint.notification.store;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Bounds every operation of a shared store by a deadline, whatever the driver's own
 * timeouts are (Lettuce waits 60 s for a command by default, HikariCP 30 s for a
 * connection). The operation runs on a worker thread while the caller waits at most the
 * timeout; then the caller gets a {@link DeduplicationStoreUnavailableException} and the
 * worker is interrupted, which ends a wait for a Lettuce answer or a pooled connection at
 * once. Work that ignores interrupts (a blocked socket read) ends with the driver's own
 * timeout; a claim that still succeeds after the caller gave up is released then, so the
 * next delivery is not refused as in progress.
 *
 * <p>
 * Cancelling a command that was already sent does not unsend it (a Redis {@code SET NX}
 * sent while Redis is paused is applied when it resumes); only its answer is lost. So an
 * operation run with {@link #callOrUndo} is undone whenever its caller did not get its
 * result, whether it failed, was given up, or succeeded too late.
 *
 * <p>
 * The workers are bounded and die when idle: when all of them are busy, an operation
 * fails at once instead of queueing.
 *
 * @since 0.1.0
 */
public final class StoreOperationDeadline {

	/** Operations of one store that may run (or hang) at the same time. */
	static final int MAX_CONCURRENT_OPERATIONS = 64;

	private static final Log logger = LogFactory.getLog(StoreOperationDeadline.class);

	private final String storeName;

	// What messages call the store, e.g. "redis de-duplication store".
	private final String description;

	private final Duration timeout;

	private final ThreadPoolExecutor executor;

	/**
	 * Creates a deadline for the operations of one de-duplication store.
	 * @param storeName names the store in messages ("the {@code <name>} de-duplication
	 * store") and thread names
	 * @param timeout the longest time a caller waits for one operation
	 */
	public StoreOperationDeadline(String storeName, Duration timeout) {
		this(storeName, storeName + " de-duplication store", timeout);
	}

	/**
	 * Creates a deadline for the operations of one store.
	 * @param storeName names the store's threads
	 * @param description what messages call the store, e.g. {@code "JDBC inbox"}
	 * @param timeout the longest time a caller waits for one operation
	 */
	public StoreOperationDeadline(String storeName, String description, Duration timeout) {
		this.description = Objects.requireNonNull(description, "description");
		this.storeName = Objects.requireNonNull(storeName, "storeName");
		this.timeout = Objects.requireNonNull(timeout, "timeout");
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("The operation timeout must be positive, not " + timeout);
		}
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(0, MAX_CONCURRENT_OPERATIONS, 60, TimeUnit.SECONDS,
				new SynchronousQueue<>(), (task) -> {
					Thread thread = new Thread(task,
							"wechatpay-complaint-" + storeName + "-" + threads.incrementAndGet());
					thread.setDaemon(true);
					// Not the request thread's loader: an idle thread of this pool must
					// not pin a web application's class loader (Tomcat warns of a leak
					// at every shutdown otherwise).
					thread.setContextClassLoader(StoreOperationDeadline.class.getClassLoader());
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
	}

	/**
	 * The longest time a caller waits for one operation.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * Runs an operation and waits for it at most the timeout.
	 * @param operation the operation
	 * @param whenAbandoned called with the result of an operation that succeeded after
	 * the caller gave up, or {@code null}
	 * @return the result of the operation
	 * @throws DeduplicationStoreUnavailableException when the operation did not finish in
	 * time or could not start
	 */
	public <T> T call(Callable<T> operation, @Nullable Consumer<T> whenAbandoned) {
		return run(new Operation<>(operation, whenAbandoned, null));
	}

	/**
	 * Runs an operation and waits for it at most the timeout, undoing it whenever the
	 * caller does not get its result.
	 * @param operation the operation
	 * @param undo run on the worker, after the operation ended, when it failed (in time
	 * or after the caller gave up: it may have taken effect all the same) or succeeded
	 * after the caller gave up; must be harmless when there is nothing to undo, and
	 * should bound its own wait
	 * @return the result of the operation
	 * @throws DeduplicationStoreUnavailableException when the operation did not finish in
	 * time or could not start
	 */
	public <T> T callOrUndo(Callable<T> operation, Runnable undo) {
		return run(new Operation<>(operation, null, Objects.requireNonNull(undo, "undo")));
	}

	private <T> T run(Operation<T> task) {
		try {
			this.executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			throw new DeduplicationStoreUnavailableException("The " + this.description + " already has "
					+ MAX_CONCURRENT_OPERATIONS + " operations waiting for it");
		}
		return task.await();
	}

	private DeduplicationStoreUnavailableException timedOut() {
		return new DeduplicationStoreUnavailableException(
				"The " + this.description + " did not answer within " + this.timeout.toMillis() + " ms");
	}

	@Override
	public String toString() {
		return "StoreOperationDeadline[store=" + this.storeName + ", timeout=" + this.timeout + "]";
	}

	/**
	 * One operation. Its lock orders the caller giving up (and interrupting the worker)
	 * against the worker finishing, so that an interrupt never reaches the worker once it
	 * has moved on.
	 */
	private final class Operation<T> implements Runnable {

		private final Callable<T> operation;

		private final @Nullable Consumer<T> whenAbandoned;

		private final @Nullable Runnable undo;

		private final CompletableFuture<T> result = new CompletableFuture<>();

		private final Object lock = new Object();

		private @Nullable Thread worker;

		private boolean finished;

		private boolean abandoned;

		Operation(Callable<T> operation, @Nullable Consumer<T> whenAbandoned, @Nullable Runnable undo) {
			this.operation = operation;
			this.whenAbandoned = whenAbandoned;
			this.undo = undo;
		}

		@Override
		public void run() {
			synchronized (this.lock) {
				if (this.abandoned) {
					return;
				}
				this.worker = Thread.currentThread();
			}
			T value = null;
			Throwable failure = null;
			try {
				value = this.operation.call();
			}
			catch (Throwable ex) {
				failure = ex;
			}
			boolean late;
			synchronized (this.lock) {
				this.worker = null;
				this.finished = true;
				late = this.abandoned;
			}
			// Clears an interrupt sent while the caller gave up; the pool thread is
			// reused.
			Thread.interrupted();
			if (!late) {
				if (failure != null) {
					this.result.completeExceptionally(failure);
					undoFailed(failure);
				}
				else {
					this.result.complete(value);
				}
			}
			else if (failure == null) {
				undo(value);
			}
			else {
				undoFailed(failure);
			}
		}

		private void undo(T value) {
			try {
				if (this.whenAbandoned != null) {
					this.whenAbandoned.accept(value);
				}
				if (this.undo != null) {
					this.undo.run();
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not undo a late " + StoreOperationDeadline.this.description + " operation: " + ex);
			}
		}

		// The failed operation may still have taken effect (a command sent, its answer
		// lost).
		private void undoFailed(Throwable failure) {
			if (this.undo == null) {
				return;
			}
			try {
				this.undo.run();
			}
			catch (RuntimeException ex) {
				// The store is likely down; the operation's failure was reported already.
				if (logger.isDebugEnabled()) {
					logger.debug("Could not undo a failed " + StoreOperationDeadline.this.description + " operation ("
							+ failure + "): " + ex);
				}
			}
		}

		T await() {
			try {
				try {
					return this.result.get(StoreOperationDeadline.this.timeout.toNanos(), TimeUnit.NANOSECONDS);
				}
				catch (TimeoutException ex) {
					if (giveUp()) {
						throw timedOut();
					}
					// It finished just now.
					return this.result.get();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				if (!giveUp()) {
					this.result.thenAccept(this::undo);
				}
				throw timedOut();
			}
			catch (ExecutionException ex) {
				Throwable cause = ex.getCause();
				if (cause instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (cause instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException(cause);
			}
		}

		private boolean giveUp() {
			synchronized (this.lock) {
				if (this.finished) {
					return false;
				}
				this.abandoned = true;
				if (this.worker != null) {
					this.worker.interrupt();
				}
				return true;
			}
		}

	}

}
