package io.github.wechatpaycomplaint.observability;

import java.time.Duration;
import java.time.Instant;

/**
 * The age of the oldest pending inbox entry as health and the endpoint show it.
 */
final class InboxAge {

	private InboxAge() {
	}

	/**
	 * The age at a time, in whole seconds, never negative (the instance's clock may be
	 * behind the one that recorded the entry).
	 * @param since when the entry started its attempts (first listener pass, else
	 * recording or replay)
	 * @param now the time
	 * @return the age
	 */
	static Duration between(Instant since, Instant now) {
		Duration age = Duration.between(since, now);
		return age.isNegative() ? Duration.ZERO : age.withNanos(0);
	}

}
