package io.github.wechatpaycomplaint.certificate;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few daemon threads on which many {@link PlatformCertificateManager}s download and
 * schedule their refreshes, so that a thousand merchants in certificate mode cost a
 * thousand queued tasks rather than a thousand threads. Threads start on the first task.
 * Downloads queue behind each other when more are due than there are threads; a manager
 * never has more than one download and one scheduled refresh queued.
 *
 * @since 0.1.0
 */
public final class PlatformCertificateScheduler implements AutoCloseable {

	/** The thread count the auto-configuration uses. */
	public static final int DEFAULT_THREADS = 4;

	private final ScheduledThreadPoolExecutor executor;

	/**
	 * Creates a scheduler.
	 * @param threads the most threads it runs downloads and refreshes on
	 */
	public PlatformCertificateScheduler(int threads) {
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be at least 1, not " + threads);
		}
		AtomicInteger count = new AtomicInteger();
		this.executor = new ScheduledThreadPoolExecutor(threads, (runnable) -> {
			Thread thread = new Thread(runnable, "wechatpay-platform-certificates-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		// A removed merchant's next refresh is cancelled: drop it rather than keep it for
		// hours.
		this.executor.setRemoveOnCancelPolicy(true);
	}

	ScheduledFuture<?> schedule(Runnable task, Duration delay) {
		return this.executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	void execute(Runnable task) {
		this.executor.execute(task);
	}

	/**
	 * How many threads have been started, for tests and diagnostics.
	 * @return the count, at most the thread count given
	 */
	public int getThreadCount() {
		return this.executor.getPoolSize();
	}

	/**
	 * Whether {@link #close()} was called.
	 * @return {@code true} once closed
	 */
	public boolean isClosed() {
		return this.executor.isShutdown();
	}

	/**
	 * Stops the threads; queued downloads and refreshes are dropped.
	 */
	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	@Override
	public String toString() {
		return "PlatformCertificateScheduler[threads=" + this.executor.getPoolSize() + "/"
				+ this.executor.getCorePoolSize() + ", queued=" + this.executor.getQueue().size() + "]";
	}

}
