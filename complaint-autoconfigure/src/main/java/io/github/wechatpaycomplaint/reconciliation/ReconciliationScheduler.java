package io.github.wechatpaycomplaint.reconciliation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.notification.SingleNotificationMerchants;
import io.github.wechatpaycomplaint.schedule.FixedDelayRunner;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link ComplaintReconciler} (one per reconciled merchant) on its own daemon
 * thread, every {@code interval} after an initial delay, from the moment the application
 * has started; a failed run is logged and the next one runs as planned.
 *
 * @since 0.1.0
 */
public final class ReconciliationScheduler implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ReconciliationScheduler.class);

	private final Supplier<List<ComplaintReconciler>> reconcilers;

	private final Duration interval;

	private final FixedDelayRunner runner;

	public ReconciliationScheduler(ComplaintReconciler reconciler, Duration initialDelay, Duration interval) {
		this(List.of(Objects.requireNonNull(reconciler, "reconciler")), initialDelay, interval);
	}

	/**
	 * Creates a scheduler that runs the reconcilers of several merchants one after the
	 * other on each run; one merchant's failure does not stop the others'.
	 * @param reconcilers one per merchant
	 * @param initialDelay delay between the start and the first run
	 * @param interval time between the end of one run and the start of the next
	 */
	public ReconciliationScheduler(List<ComplaintReconciler> reconcilers, Duration initialDelay, Duration interval) {
		this(fixed(reconcilers), initialDelay, interval);
	}

	/**
	 * Creates a scheduler that asks for the reconcilers at the start of every run, so
	 * that merchants added while the application runs take part from the next run and
	 * removed ones no longer do.
	 * @param reconcilers supplies one reconciler per merchant to reconcile now
	 * @param initialDelay delay between the start and the first run
	 * @param interval time between the end of one run and the start of the next
	 */
	public ReconciliationScheduler(Supplier<List<ComplaintReconciler>> reconcilers, Duration initialDelay,
			Duration interval) {
		this.reconcilers = Objects.requireNonNull(reconcilers, "reconcilers");
		this.interval = Objects.requireNonNull(interval, "interval");
		this.runner = new FixedDelayRunner("wechatpay-complaint-reconciliation", initialDelay, interval, this::runOnce);
	}

	private static Supplier<List<ComplaintReconciler>> fixed(List<ComplaintReconciler> reconcilers) {
		List<ComplaintReconciler> copy = List.copyOf(reconcilers);
		return () -> copy;
	}

	@Override
	public void start() {
		this.runner.start();
	}

	private void runOnce() {
		List<ComplaintReconciler> reconcilers;
		try {
			reconcilers = this.reconcilers.get();
		}
		catch (RuntimeException ex) {
			logger.warn("Complaint reconciliation cannot list the merchants to reconcile (" + ex.getMessage()
					+ "); next run in " + this.interval.toSeconds() + " s");
			return;
		}
		for (ComplaintReconciler reconciler : reconcilers) {
			try {
				reconciler.reconcile();
			}
			catch (RuntimeException ex) {
				logger.warn("Complaint reconciliation" + ofMerchant(reconciler, reconcilers.size()) + " failed ("
						+ ex.getMessage() + "); next run in " + this.interval.toSeconds() + " s");
			}
		}
	}

	// The single merchant's runs are logged as they always were.
	private static String ofMerchant(ComplaintReconciler reconciler, int merchants) {
		return (merchants > 1 || !reconciler.getMerchantName().equals(SingleNotificationMerchants.DEFAULT_NAME))
				? " of merchant '" + reconciler.getMerchantName() + "'" : "";
	}

	/**
	 * The reconcilers the next run would run.
	 * @return one per merchant
	 */
	public List<ComplaintReconciler> getReconcilers() {
		return this.reconcilers.get();
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
