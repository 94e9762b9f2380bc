package io.github.wechatpaycomplaint.reconciliation;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link ComplaintReconciler} on its own daemon thread, every {@code interval}
 * after an initial delay, from the moment the application has started; a failed run is
 * logged and the next one runs as planned.
 *
 * @since 0.1.0
 */
public final class ReconciliationScheduler implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ReconciliationScheduler.class);

	private final ComplaintReconciler reconciler;

	private final Duration initialDelay;

	private final Duration interval;

	private @Nullable ScheduledExecutorService executor;

	public ReconciliationScheduler(ComplaintReconciler reconciler, Duration initialDelay, Duration interval) {
		this.reconciler = Objects.requireNonNull(reconciler, "reconciler");
		this.initialDelay = Objects.requireNonNull(initialDelay, "initialDelay");
		this.interval = Objects.requireNonNull(interval, "interval");
	}

	@Override
	public void start() {
		ScheduledExecutorService scheduled = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "wechatpay-complaint-reconciliation");
			thread.setDaemon(true);
			return thread;
		});
		scheduled.scheduleWithFixedDelay(this::runOnce, this.initialDelay.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
		this.executor = scheduled;
	}

	private void runOnce() {
		try {
			this.reconciler.reconcile();
		}
		catch (RuntimeException ex) {
			logger.warn("Complaint reconciliation failed (" + ex.getMessage() + "); next run in "
					+ this.interval.toSeconds() + " s");
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduled = this.executor;
		if (scheduled != null) {
			scheduled.shutdownNow();
		}
		this.executor = null;
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
