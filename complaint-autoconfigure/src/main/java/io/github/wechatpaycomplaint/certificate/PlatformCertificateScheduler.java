package io.github.wechatpaycomplaint.certificate;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few daemon threads on which many {@link PlatformCertificateManager}s download and
 * schedule their refreshes, so that a thousand merchants in certificate mode cost a
 * thousand queued tasks rather than a thousand threads. Threads start on the first task.
 *
 * <p>
 * Two lanes: scheduled refreshes run on the refresh threads and queue behind each other
 * when more are due than there are threads (in an outage, each for as long as one
 * download may take); downloads for an unknown serial (a certificate rotation) and
 * {@link PlatformCertificateManager#refresh() requested} refreshes run on a few threads
 * of their own, so that they never wait behind the scheduled refreshes. A manager never
 * has more than one download in flight and one scheduled refresh queued.
 *
 * @since 0.1.0
 */
public final class PlatformCertificateScheduler implements AutoCloseable {

	/** The thread count the auto-configuration uses. */
	public static final int DEFAULT_THREADS = 4;

	private final ScheduledThreadPoolExecutor refreshes;

	private final ThreadPoolExecutor onDemand;

	/**
	 * Creates a scheduler with half as many threads again (at least one) for on-demand
	 * downloads.
	 * @param threads the most threads it runs scheduled refreshes on
	 */
	public PlatformCertificateScheduler(int threads) {
		this(threads, Math.max(1, threads / 2));
	}

	/**
	 * Creates a scheduler.
	 * @param threads the most threads it runs scheduled refreshes on
	 * @param onDemandThreads the most threads it runs downloads for unknown serials and
	 * requested refreshes on
	 * @since 0.1.0
	 */
	public PlatformCertificateScheduler(int threads, int onDemandThreads) {
		if (threads < 1 || onDemandThreads < 1) {
			throw new IllegalArgumentException(
					"threads must be at least 1, not " + threads + " and " + onDemandThreads);
		}
		this.refreshes = new ScheduledThreadPoolExecutor(threads, daemons("wechatpay-platform-certificates-"));
		// A removed merchant's next refresh is cancelled: drop it rather than keep it for
		// hours.
		this.refreshes.setRemoveOnCancelPolicy(true);
		this.onDemand = new ThreadPoolExecutor(onDemandThreads, onDemandThreads, 0, TimeUnit.MILLISECONDS,
				new LinkedBlockingQueue<>(), daemons("wechatpay-platform-certificates-on-demand-"));
	}

	private static ThreadFactory daemons(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	ScheduledFuture<?> schedule(Runnable refresh, Duration delay) {
		return this.refreshes.schedule(refresh, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	void execute(Runnable download) {
		this.onDemand.execute(download);
	}

	// Scheduled refreshes waiting for their time or for a thread, for tests.
	int queuedRefreshes() {
		return this.refreshes.getQueue().size();
	}

	/**
	 * How many threads have been started, for tests and diagnostics.
	 * @return the count, at most the thread counts given
	 */
	public int getThreadCount() {
		return this.refreshes.getPoolSize() + this.onDemand.getPoolSize();
	}

	/**
	 * Whether {@link #close()} was called.
	 * @return {@code true} once closed
	 */
	public boolean isClosed() {
		return this.refreshes.isShutdown();
	}

	/**
	 * Stops the threads; queued downloads and refreshes are dropped.
	 */
	@Override
	public void close() {
		this.refreshes.shutdownNow();
		this.onDemand.shutdownNow();
	}

	@Override
	public String toString() {
		return "PlatformCertificateScheduler[threads=" + this.refreshes.getPoolSize() + "/"
				+ this.refreshes.getCorePoolSize() + ", queued=" + this.refreshes.getQueue().size()
				+ ", on-demand threads=" + this.onDemand.getPoolSize() + "/" + this.onDemand.getCorePoolSize()
				+ ", queued=" + this.onDemand.getQueue().size() + "]";
	}

}
