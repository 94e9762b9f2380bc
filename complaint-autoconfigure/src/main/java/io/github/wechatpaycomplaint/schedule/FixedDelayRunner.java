package io.github.wechatpaycomplaint.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

/**
 * Runs a task on a daemon thread of its own, first after an initial delay, then again a
 * fixed delay after each run ends, until stopped. The background jobs of the starter
 * (reconciliation, the deadline watcher) each own one and tie it to their lifecycle; the
 * task must not throw (a throwing task would stop its schedule).
 *
 * @since 0.1.0
 */
public final class FixedDelayRunner {

	private final String threadName;

	private final Duration initialDelay;

	private final Duration delay;

	private final Runnable task;

	private final AtomicBoolean extraRunQueued = new AtomicBoolean();

	private @Nullable ScheduledExecutorService executor;

	/**
	 * Creates a runner, not yet started.
	 * @param threadName the name of its thread
	 * @param initialDelay time between {@link #start()} and the first run
	 * @param delay time between the end of one run and the start of the next
	 * @param task the task, which logs its own failures instead of throwing
	 */
	public FixedDelayRunner(String threadName, Duration initialDelay, Duration delay, Runnable task) {
		this.threadName = Objects.requireNonNull(threadName, "threadName");
		this.initialDelay = Objects.requireNonNull(initialDelay, "initialDelay");
		this.delay = Objects.requireNonNull(delay, "delay");
		this.task = Objects.requireNonNull(task, "task");
	}

	/**
	 * Starts the schedule; does nothing when it runs already.
	 */
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		ScheduledExecutorService scheduled = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, this.threadName);
			thread.setDaemon(true);
			return thread;
		});
		scheduled.scheduleWithFixedDelay(this.task, this.initialDelay.toMillis(), this.delay.toMillis(),
				TimeUnit.MILLISECONDS);
		this.executor = scheduled;
	}

	/**
	 * Runs the task once more as soon as the thread is free, besides the schedule; calls
	 * made while such a run waits add nothing. Does nothing when stopped.
	 */
	public synchronized void runSoon() {
		ScheduledExecutorService scheduled = this.executor;
		if (scheduled != null && this.extraRunQueued.compareAndSet(false, true)) {
			scheduled.execute(() -> {
				this.extraRunQueued.set(false);
				this.task.run();
			});
		}
	}

	/**
	 * Stops the schedule, interrupting a run under way.
	 */
	public synchronized void stop() {
		ScheduledExecutorService scheduled = this.executor;
		if (scheduled != null) {
			scheduled.shutdownNow();
		}
		this.executor = null;
		this.extraRunQueued.set(false);
	}

	/**
	 * Whether the schedule runs.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
