package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Duration;

/**
 * Told by the {@link InboxWorker} how each pass over a claimed entry ended, for metrics.
 * It is called on the worker's thread after the outcome is recorded, so it must be quick;
 * an exception it throws is logged and does not change the pass.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface InboxPassObserver {

	/** An observer that does nothing, the worker's default. */
	InboxPassObserver NONE = (merchantName, outcome, duration) -> {
	};

	/**
	 * Called once per pass.
	 * @param merchantName the entry name of the merchant of the notification (a
	 * configured name, never text from a request)
	 * @param outcome how the pass ended
	 * @param duration the time from the start of the pass to its recorded outcome
	 */
	void passFinished(String merchantName, Outcome outcome, Duration duration);

	/**
	 * How a pass ended.
	 */
	enum Outcome {

		/** The listeners succeeded and the entry is done. */
		DONE,

		/** A listener failed and the entry is due again after a back-off. */
		RETRY,

		/**
		 * The entry is parked as failed: a listener failed for the last time, or the
		 * entry was claimed more often than allowed without an outcome (then nothing was
		 * published).
		 */
		PARKED,

		/**
		 * The outcome could not be recorded: the claim ran out and the entry was claimed
		 * again, or the inbox failed. The entry is due again once its lease runs out.
		 */
		LOST

	}

}
