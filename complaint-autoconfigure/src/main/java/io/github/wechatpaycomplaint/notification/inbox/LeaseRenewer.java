package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Keeps the claims of running listener passes: a pass still running after a third of the
 * lease has its lease renewed every third of the lease, so that a slow listener does not
 * see its entry handed to another instance. One scheduler thread renews for every pass; a
 * renewal is a single short statement. A renewal answered {@code false} means the pass
 * lost its claim (it ran out and another instance claimed the entry): that is logged once
 * and the renewals of that pass stop.
 */
final class LeaseRenewer {

	private static final Log logger = LogFactory.getLog(LeaseRenewer.class);

	private final NotificationInbox inbox;

	private final Duration lease;

	private final long periodMillis;

	private final ScheduledThreadPoolExecutor scheduler;

	/**
	 * Creates a renewer with its scheduler thread.
	 * @param inbox the inbox that renews
	 * @param lease the lease of every claim, renewed every third of it
	 * @param threadName the name of the scheduler thread, a daemon
	 */
	LeaseRenewer(NotificationInbox inbox, Duration lease, String threadName) {
		this.inbox = Objects.requireNonNull(inbox, "inbox");
		this.lease = Objects.requireNonNull(lease, "lease");
		this.periodMillis = Math.max(1, lease.toMillis() / 3);
		this.scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, threadName);
			thread.setDaemon(true);
			return thread;
		});
		// Passes that end early cancel their renewals: drop them from the queue at once.
		this.scheduler.setRemoveOnCancelPolicy(true);
		this.scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
	}

	/**
	 * Starts renewing the claim of a pass about to run.
	 * @param claimed the claimed entry
	 * @return the renewal, to close when the pass ends
	 */
	Renewal renew(InboxEntry claimed) {
		Renewal renewal = new Renewal(claimed);
		renewal.schedule();
		return renewal;
	}

	/**
	 * Stops every renewal and the scheduler thread.
	 */
	void shutdown() {
		this.scheduler.shutdownNow();
	}

	/**
	 * The renewals of one pass.
	 */
	final class Renewal implements AutoCloseable {

		private final InboxEntry claimed;

		private final AtomicBoolean ended = new AtomicBoolean();

		private volatile ScheduledFuture<?> task;

		private Renewal(InboxEntry claimed) {
			this.claimed = claimed;
		}

		private void schedule() {
			try {
				this.task = LeaseRenewer.this.scheduler.scheduleAtFixedRate(this::renewOnce,
						LeaseRenewer.this.periodMillis, LeaseRenewer.this.periodMillis, TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// Stopping: the pass runs on its lease alone.
				this.ended.set(true);
			}
		}

		private void renewOnce() {
			if (this.ended.get()) {
				return;
			}
			try {
				boolean renewed = LeaseRenewer.this.inbox.renewLease(this.claimed, LeaseRenewer.this.lease);
				// A pass that ended meanwhile gave up its claim itself: nothing was lost.
				if (!renewed && this.ended.compareAndSet(false, true)) {
					cancel();
					logger.warn("The claim on " + this.claimed + " was lost while its listeners ran (lease "
							+ LeaseRenewer.this.lease + "): another instance may publish it again");
				}
			}
			catch (RuntimeException ex) {
				// Tried again in a third of the lease, which is still running.
				logger.warn("Could not renew the claim on " + this.claimed + " (" + ex.getClass().getName()
						+ "); trying again in " + Duration.ofMillis(LeaseRenewer.this.periodMillis));
			}
		}

		private void cancel() {
			ScheduledFuture<?> scheduled = this.task;
			if (scheduled != null) {
				scheduled.cancel(false);
			}
		}

		/**
		 * Stops renewing: the pass ended.
		 */
		@Override
		public void close() {
			this.ended.set(true);
			cancel();
		}

	}

}
