package io.github.wechatpaycomplaint.certificate;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Where one {@link PlatformCertificateManager} runs its downloads and its scheduled
 * refreshes: on threads of its own, or on a {@link PlatformCertificateScheduler} shared
 * with other managers.
 */
interface CertificateTasks {

	/**
	 * Runs a download in the background.
	 * @param download the download
	 * @throws java.util.concurrent.RejectedExecutionException when stopped or closed
	 */
	void execute(Runnable download);

	/**
	 * Runs the next refresh after a delay; does nothing once stopped.
	 * @param refresh the refresh
	 * @param delay the delay
	 */
	void schedule(Runnable refresh, Duration delay);

	void start();

	/** Drops the next refresh; a download in flight finishes. */
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
			this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "wechatpay-platform-certificates");
				thread.setDaemon(true);
				return thread;
			});
		}

		@Override
		public void stop() {
			ScheduledExecutorService executor = this.scheduler;
			this.scheduler = null;
			if (executor != null) {
				executor.shutdownNow();
			}
		}

	}

	/** Tasks on the shared threads; stopping cancels this manager's next refresh only. */
	final class Shared implements CertificateTasks {

		private final PlatformCertificateScheduler scheduler;

		private volatile @Nullable ScheduledFuture<?> nextRefresh;

		Shared(PlatformCertificateScheduler scheduler) {
			this.scheduler = scheduler;
		}

		@Override
		public void execute(Runnable download) {
			this.scheduler.execute(download);
		}

		@Override
		public void schedule(Runnable refresh, Duration delay) {
			this.nextRefresh = this.scheduler.schedule(refresh, delay);
		}

		@Override
		public void start() {
		}

		@Override
		public void stop() {
			ScheduledFuture<?> next = this.nextRefresh;
			if (next != null) {
				next.cancel(false);
			}
		}

	}

}
