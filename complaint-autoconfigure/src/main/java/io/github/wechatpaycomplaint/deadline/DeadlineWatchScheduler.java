package io.github.wechatpaycomplaint.deadline;

import java.time.Duration;
import java.util.Objects;

import io.github.wechatpaycomplaint.schedule.FixedDelayRunner;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link DeadlineWatcher} on its own daemon thread at once when the application
 * starts (so complaints already overdue are reported without waiting) and then every
 * {@code checkInterval}, purging the ledger after each scan; a failed run is logged and
 * the next one runs as planned.
 *
 * @since 0.1.0
 */
public final class DeadlineWatchScheduler implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(DeadlineWatchScheduler.class);

	private final DeadlineWatcher watcher;

	private final ComplaintLedger ledger;

	private final Duration checkInterval;

	private final Duration completedRetention;

	private final Duration maxAge;

	private final Runnable afterScan;

	private final FixedDelayRunner runner;

	/**
	 * Creates a scheduler.
	 * @param watcher the watcher
	 * @param ledger the ledger to purge
	 * @param checkInterval time between the end of one run and the start of the next
	 * @param completedRetention how long completed complaints are kept
	 * @param maxAge how long any complaint is kept
	 * @param afterScan runs after each scan, e.g. to refresh gauges
	 */
	public DeadlineWatchScheduler(DeadlineWatcher watcher, ComplaintLedger ledger, Duration checkInterval,
			Duration completedRetention, Duration maxAge, Runnable afterScan) {
		this.watcher = Objects.requireNonNull(watcher, "watcher");
		this.ledger = Objects.requireNonNull(ledger, "ledger");
		this.checkInterval = Objects.requireNonNull(checkInterval, "checkInterval");
		this.completedRetention = Objects.requireNonNull(completedRetention, "completedRetention");
		this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
		this.afterScan = Objects.requireNonNull(afterScan, "afterScan");
		this.runner = new FixedDelayRunner("wechatpay-complaint-deadlines", Duration.ZERO, checkInterval,
				this::runOnce);
	}

	@Override
	public void start() {
		this.runner.start();
	}

	/**
	 * Scans, purges and refreshes once, logging instead of throwing.
	 */
	public void runOnce() {
		try {
			this.watcher.scan();
			this.ledger.purge(this.completedRetention, this.maxAge);
		}
		catch (RuntimeException ex) {
			logger.warn("Complaint deadline scan failed (" + ex.getMessage() + "); next scan in "
					+ this.checkInterval.toSeconds() + " s");
			return;
		}
		try {
			this.afterScan.run();
		}
		catch (RuntimeException ex) {
			// The events went out; only what is shown of them is stale.
			logger.warn("Complaint deadline scan done, but what health and gauges show could not be refreshed ("
					+ ex.getMessage() + "); they keep the previous figures until the next scan in "
					+ this.checkInterval.toSeconds() + " s");
		}
	}

	/**
	 * Scans as soon as the scheduler's thread is free, for a complaint learned past a
	 * threshold (created while the application was down, or whose notification came
	 * late), so that it is reported at once rather than at the next scheduled scan.
	 */
	public void scanSoon() {
		this.runner.runSoon();
	}

	@Override
	public void stop() {
		this.runner.stop();
	}

	@Override
	public boolean isRunning() {
		return this.runner.isRunning();
	}

}
