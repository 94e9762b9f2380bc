package io.github.wechatpaycomplaint.certificate;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * Where one {@link PlatformCertificateManager} runs its on-demand downloads and its
 * scheduled refreshes (which download on the thread they run on): on threads of its own,
 * or on a {@link PlatformCertificateScheduler} shared with other managers.
 */
interface CertificateTasks {

	/**
	 * Runs an on-demand download in the background, never behind scheduled refreshes.
	 * @param download the download
	 * @throws java.util.concurrent.RejectedExecutionException when stopped or closed
	 */
	void execute(Runnable download);

	/**
	 * Runs the next refresh after a delay; does nothing once stopped (until started
	 * again).
	 * @param refresh the refresh
	 * @param delay the delay
	 */
	void schedule(Runnable refresh, Duration delay);

	void start();

	/**
	 * Drops the next refresh; a download in flight (also a refresh under way) finishes.
	 */
	void stop();

	static CertificateTasks ownThreads() {
		return new OwnThreads();
	}

	static CertificateTasks on(PlatformCertificateScheduler scheduler) {
		return new Shared(scheduler);
	}

	/** One thread for the refreshes, one per download. */
	final class OwnThreads implements CertificateTasks {

		private volatile @Nullable ScheduledExecutorService scheduler;

		@Override
		public void execute(Runnable download) {
			Thread thread = new Thread(download, "wechatpay-platform-certificates-download");
			thread.setDaemon(true);
			thread.start();
		}

		@Override
		public void schedule(Runnable refresh, Duration delay) {
			ScheduledExecutorService executor = this.scheduler;
			if (executor != null) {
				executor.schedule(refresh, delay.toMillis(), TimeUnit.MILLISECONDS);
			}
		}

		@Override
		public void start() {
			ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
				Thread thread = new Thread(runnable, "wechatpay-platform-certificates");
				thread.setDaemon(true);
				return thread;
			});
			// Stopping drops the next refresh but does not interrupt one under way.
			executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
			this.scheduler = executor;
		}

		@Override
		public void stop() {
			ScheduledExecutorService executor = this.scheduler;
			this.scheduler = null;
			if (executor != null) {
				executor.shutdown();
			}
		}

	}

	/**
	 * Tasks on the shared threads; stopping cancels this manager's next refresh only. A
	 * refresh that ends while the manager stops may try to schedule the next one after
	 * {@link #stop()} cancelled the last: it is refused, else it would keep the stopped
	 * manager (its keys and client) referenced until it ran.
	 */
	final class Shared implements CertificateTasks {

		private final PlatformCertificateScheduler scheduler;

		private final ReentrantLock lock = new ReentrantLock();

		private @Nullable ScheduledFuture<?> nextRefresh;

		private boolean stopped = true;

		Shared(PlatformCertificateScheduler scheduler) {
			this.scheduler = scheduler;
		}

		@Override
		public void execute(Runnable download) {
			this.scheduler.execute(download);
		}

		@Override
		public void schedule(Runnable refresh, Duration delay) {
			this.lock.lock();
			try {
				if (!this.stopped) {
					this.nextRefresh = this.scheduler.schedule(refresh, delay);
				}
			}
			finally {
				this.lock.unlock();
			}
		}

		@Override
		public void start() {
			this.lock.lock();
			try {
				this.stopped = false;
			}
			finally {
				this.lock.unlock();
			}
		}

		@Override
		public void stop() {
			this.lock.lock();
			try {
				this.stopped = true;
				ScheduledFuture<?> next = this.nextRefresh;
				this.nextRefresh = null;
				if (next != null) {
					next.cancel(false);
				}
			}
			finally {
				this.lock.unlock();
			}
		}

	}

}
