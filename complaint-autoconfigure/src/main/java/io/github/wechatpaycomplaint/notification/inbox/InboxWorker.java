package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.wechatpaycomplaint.notification.inbox.InboxPassObserver.Outcome;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Takes due entries from the inbox and publishes their events: one poller thread claims
 * at most as many entries as there are idle workers (so nothing claimed waits in a
 * queue), and the workers publish, then mark the entry done, or schedule a retry with
 * back-off, or park it once its attempts or age are used up. The inbox hands out at most
 * one entry per complaint at a time, so different complaints run in parallel and the
 * notifications of one complaint one after the other. A pass that runs longer than a
 * third of the lease has its lease renewed ({@link LeaseRenewer}) until it ends.
 *
 * <p>
 * Stopping stops the poller first, then waits up to the shutdown timeout for the passes
 * under way; entries claimed by a poll that met the stopping workers are given back. A
 * pass cut short is not lost: its claim runs out after the lease and the entry is due
 * again, on this instance after a restart or on another one.
 *
 * @since 0.1.0
 */
public final class InboxWorker implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(InboxWorker.class);

	private final NotificationInbox inbox;

	private final ApplicationEventPublisher publisher;

	private final InboxRetryPolicy retryPolicy;

	private final Settings settings;

	private final Clock clock;

	private final InboxPassObserver passObserver;

	// A new one per start: permits of a run cut short do not carry over to the next.
	private volatile Semaphore idleWorkers;

	private final AtomicLong nextPurge = new AtomicLong();

	private final AtomicBoolean backlog = new AtomicBoolean();

	private final Object lifecycleLock = new Object();

	/** The last error of an entry parked because it was claimed too often. */
	static final String OVERRUN = "claimed more often than max-attempts without an outcome";

	private @Nullable ScheduledExecutorService poller;

	private @Nullable ExecutorService workers;

	private @Nullable LeaseRenewer leaseRenewer;

	/**
	 * Creates a stopped worker.
	 * @param inbox the inbox
	 * @param publisher publishes the events
	 * @param retryPolicy decides retries and parking
	 * @param settings polling, concurrency and shutdown
	 * @param clock the clock of due times and ages
	 */
	public InboxWorker(NotificationInbox inbox, ApplicationEventPublisher publisher, InboxRetryPolicy retryPolicy,
			Settings settings, Clock clock) {
		this(inbox, publisher, retryPolicy, settings, clock, InboxPassObserver.NONE);
	}

	/**
	 * Creates a stopped worker that reports each pass.
	 * @param inbox the inbox
	 * @param publisher publishes the events
	 * @param retryPolicy decides retries and parking
	 * @param settings polling, concurrency and shutdown
	 * @param clock the clock of due times and ages
	 * @param passObserver told how each pass ended
	 */
	public InboxWorker(NotificationInbox inbox, ApplicationEventPublisher publisher, InboxRetryPolicy retryPolicy,
			Settings settings, Clock clock, InboxPassObserver passObserver) {
		this.inbox = Objects.requireNonNull(inbox, "inbox");
		this.publisher = Objects.requireNonNull(publisher, "publisher");
		this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.passObserver = Objects.requireNonNull(passObserver, "passObserver");
		this.idleWorkers = new Semaphore(0);
	}

	@Override
	public void start() {
		synchronized (this.lifecycleLock) {
			if (this.poller != null) {
				return;
			}
			this.idleWorkers = new Semaphore(this.settings.concurrency());
			AtomicInteger threads = new AtomicInteger();
			this.workers = new ThreadPoolExecutor(this.settings.concurrency(), this.settings.concurrency(), 0,
					TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
					(task) -> daemon(task, "wechatpay-complaint-inbox-" + threads.incrementAndGet()));
			ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
					(task) -> daemon(task, "wechatpay-complaint-inbox-poller"));
			scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
			long interval = this.settings.pollInterval().toMillis();
			// The first poll after one interval: startup is not held up by a backlog.
			scheduler.scheduleWithFixedDelay(this::pollSafely, interval, interval, TimeUnit.MILLISECONDS);
			this.poller = scheduler;
			this.leaseRenewer = new LeaseRenewer(this.inbox, this.settings.lease(), "wechatpay-complaint-inbox-lease");
		}
	}

	// Daemons, so that a context that is never closed does not keep the JVM alive; a
	// closed one waits for the passes in stop().
	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler;
		ExecutorService running;
		LeaseRenewer renewer;
		synchronized (this.lifecycleLock) {
			scheduler = this.poller;
			running = this.workers;
			renewer = this.leaseRenewer;
			this.poller = null;
			this.workers = null;
			this.leaseRenewer = null;
		}
		if (scheduler == null || running == null || renewer == null) {
			return;
		}
		try {
			stop(scheduler, running);
		}
		finally {
			// Passes still running after the timeout keep their claims no longer.
			renewer.shutdown();
		}
	}

	private void stop(ScheduledExecutorService scheduler, ExecutorService running) {
		// The poller first: a poll under way hands its entries to workers still running.
		scheduler.shutdown();
		try {
			scheduler.awaitTermination(this.settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
			running.shutdown();
			if (!running.awaitTermination(this.settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Complaint notification listeners were still running after "
						+ this.settings.shutdownTimeout() + "; their entries are due again once their lease of "
						+ this.settings.lease() + " runs out");
				running.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (this.lifecycleLock) {
			return this.poller != null;
		}
	}

	/**
	 * Claims as many due entries as there are idle workers and hands them to the workers.
	 * The poller calls it every poll interval; call it to poll at once. When it got all
	 * it asked for, more may be due, and the next worker to free up polls again.
	 * @return the number of entries claimed
	 * @throws IllegalStateException when the worker is not running
	 */
	public int poll() {
		return pollOnce().claimed();
	}

	private Poll pollOnce() {
		ExecutorService running;
		LeaseRenewer renewer;
		synchronized (this.lifecycleLock) {
			running = this.workers;
			renewer = this.leaseRenewer;
		}
		if (running == null || renewer == null) {
			throw new IllegalStateException("The inbox worker is not running");
		}
		purgeIfDue();
		Semaphore idleWorkers = this.idleWorkers;
		int idle = idleWorkers.drainPermits();
		int wanted = Math.min(idle, this.settings.batchSize());
		List<InboxEntry> claimed = List.of();
		try {
			if (wanted > 0) {
				claimed = this.inbox.claimDue(wanted, this.settings.lease());
			}
		}
		finally {
			idleWorkers.release(idle - claimed.size());
		}
		// Fewer than asked: nothing more is due. Otherwise (or with no idle worker to ask
		// for) more may be, and the next worker to free up polls again.
		this.backlog.set(claimed.size() == wanted);
		for (int i = 0; i < claimed.size(); i++) {
			InboxEntry entry = claimed.get(i);
			try {
				running.execute(() -> {
					try {
						processObserved(entry, renewer);
					}
					finally {
						idleWorkers.release();
						wakePollerOnBacklog();
					}
				});
			}
			catch (RejectedExecutionException ex) {
				// Stopped while claiming: the rest is given back rather than left idle
				// for a whole lease.
				giveBack(claimed.subList(i, claimed.size()), idleWorkers);
				return new Poll(wanted, i);
			}
		}
		return new Poll(wanted, claimed.size());
	}

	private void giveBack(List<InboxEntry> unstarted, Semaphore idleWorkers) {
		idleWorkers.release(unstarted.size());
		for (InboxEntry entry : unstarted) {
			try {
				this.inbox.release(entry);
			}
			catch (RuntimeException ex) {
				logger.warn("The claim on " + entry + " could not be given back while stopping ("
						+ ex.getClass().getName() + "); it is due again once its lease runs out");
			}
		}
	}

	private void wakePollerOnBacklog() {
		if (!this.backlog.compareAndSet(true, false)) {
			return;
		}
		synchronized (this.lifecycleLock) {
			if (this.poller != null && !this.poller.isShutdown()) {
				this.poller.execute(this::pollSafely);
			}
		}
	}

	private void pollSafely() {
		try {
			// Polls again at once while the idle workers got all they asked for: a
			// backlog
			// drains at the workers' pace, not the interval's.
			Poll poll;
			do {
				poll = pollOnce();
			}
			while (poll.wanted() > 0 && poll.claimed() == poll.wanted() && isRunning());
		}
		catch (Throwable ex) {
			// Whatever escapes here would cancel the fixed-delay schedule for good.
			logger.warn("Could not take complaint notifications from the inbox (" + ex.getClass().getName()
					+ "); trying again in " + this.settings.pollInterval());
			if (logger.isDebugEnabled()) {
				logger.debug("Inbox poll failure", ex);
			}
			rethrowIfFatal(ex);
		}
	}

	// A VirtualMachineError leaves the JVM unreliable: recorded first, then passed on.
	private static void rethrowIfFatal(Throwable failure) {
		if (failure instanceof VirtualMachineError fatal) {
			throw fatal;
		}
	}

	private void processObserved(InboxEntry entry, LeaseRenewer renewer) {
		long started = System.nanoTime();
		Outcome outcome = process(entry, renewer);
		try {
			this.passObserver.passFinished(entry.merchantName(), outcome,
					Duration.ofNanos(System.nanoTime() - started));
		}
		catch (RuntimeException ex) {
			logger.warn("The inbox pass observer failed on " + entry + " (" + ex.getClass().getName() + ")");
		}
	}

	private Outcome process(InboxEntry entry, LeaseRenewer renewer) {
		if (this.retryPolicy.overrun(entry)) {
			// Claimed more often than allowed without a recorded outcome: its passes
			// crashed the instance (or ran past the lease) every time.
			return parkOverrun(entry);
		}
		// The pass ends when the listeners return, so the renewals do not cover work they
		// handed to other threads.
		try (LeaseRenewer.Renewal renewal = renewer.renew(entry)) {
			this.publisher.publishEvent(entry.notification().toEvent());
		}
		catch (Throwable ex) {
			// Errors too (AssertionError, NoClassDefFoundError, StackOverflowError): an
			// unrecorded failure would hold the entry until its lease runs out.
			Outcome outcome = failed(entry, ex);
			rethrowIfFatal(ex);
			return outcome;
		}
		try {
			if (!this.inbox.markDone(entry)) {
				logger.warn("The claim on " + entry + " ran out (lease " + this.settings.lease()
						+ ") before its listeners finished and it was claimed again; it may be published again");
				return Outcome.LOST;
			}
			return Outcome.DONE;
		}
		catch (Throwable ex) {
			logger.error("The listeners of " + entry + " succeeded but the entry could not be marked done ("
					+ ex.getClass().getName() + "); it is published again once its lease runs out");
			rethrowIfFatal(ex);
			return Outcome.LOST;
		}
	}

	private Outcome parkOverrun(InboxEntry entry) {
		try {
			if (this.inbox.park(entry, OVERRUN)) {
				logger.warn(entry + " was claimed " + entry.attempts() + " times without an outcome; parked as failed"
						+ " without publishing it: replay or discard it");
				return Outcome.PARKED;
			}
		}
		catch (RuntimeException ex) {
			logger.error(entry + " was claimed too often and could not be parked (" + ex.getClass().getName()
					+ "); it is due again once its lease runs out");
		}
		return Outcome.LOST;
	}

	private Outcome failed(InboxEntry entry, Throwable failure) {
		String error = InboxErrors.describe(failure);
		Instant now = this.clock.instant();
		try {
			if (this.retryPolicy.exhausted(entry, now)) {
				if (this.inbox.park(entry, error)) {
					logger.warn("A listener failed on " + entry + " for the last time (" + failure.getClass().getName()
							+ "); parked as failed: replay or discard it");
					return Outcome.PARKED;
				}
				return Outcome.LOST;
			}
			Duration delay = this.retryPolicy.delay(entry.attempts(), ThreadLocalRandom.current().nextDouble());
			boolean recorded = this.inbox.retryLater(entry, now.plus(delay), error);
			if (logger.isDebugEnabled()) {
				logger.debug("A listener failed on " + entry + " (" + failure.getClass().getName() + "); next pass in "
						+ delay);
			}
			return recorded ? Outcome.RETRY : Outcome.LOST;
		}
		catch (Throwable ex) {
			logger.error("A listener failed on " + entry + " and the failure could not be recorded ("
					+ ex.getClass().getName() + "); it is due again once its lease runs out");
			rethrowIfFatal(ex);
			return Outcome.LOST;
		}
	}

	// A failed purge is tried again after the purge interval; it must not keep the due
	// entries from being claimed.
	private void purgeIfDue() {
		long now = this.clock.millis();
		long due = this.nextPurge.get();
		if (now >= due && this.nextPurge.compareAndSet(due, now + this.settings.purgeInterval().toMillis())) {
			try {
				int purged = this.inbox.purgeDone(this.clock.instant().minus(this.settings.retention()));
				if (purged > 0 && logger.isDebugEnabled()) {
					logger.debug("Purged " + purged + " done complaint notifications from the inbox");
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not purge done complaint notifications from the inbox (" + ex.getClass().getName()
						+ "); trying again in " + this.settings.purgeInterval());
			}
		}
	}

	@Override
	public String toString() {
		return "InboxWorker[inbox=" + this.inbox + ", concurrency=" + this.settings.concurrency() + "]";
	}

	private record Poll(int wanted, int claimed) {
	}

	/**
	 * How the worker polls, runs and stops.
	 *
	 * @param pollInterval the time between two polls when the last one found fewer
	 * entries than it asked for
	 * @param batchSize the most entries claimed per poll
	 * @param concurrency the most listener passes at once, each for another complaint
	 * @param lease how long a claim holds; renewed every third of it while a pass runs
	 * @param shutdownTimeout how long stopping waits for the passes under way
	 * @param retention how long done entries are kept, and so how long a notification
	 * delivered again is still recognised as a duplicate
	 * @param purgeInterval the least time between two purges of done entries
	 */
	public record Settings(Duration pollInterval, int batchSize, int concurrency, Duration lease,
			Duration shutdownTimeout, Duration retention, Duration purgeInterval) {

		public Settings {
			Objects.requireNonNull(pollInterval, "pollInterval");
			Objects.requireNonNull(lease, "lease");
			Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
			Objects.requireNonNull(retention, "retention");
			Objects.requireNonNull(purgeInterval, "purgeInterval");
			if (batchSize < 1 || concurrency < 1) {
				throw new IllegalArgumentException("The batch size and the concurrency must be at least 1");
			}
			if (pollInterval.isNegative() || pollInterval.isZero()) {
				throw new IllegalArgumentException("The poll interval must be positive, not " + pollInterval);
			}
		}

	}

}
