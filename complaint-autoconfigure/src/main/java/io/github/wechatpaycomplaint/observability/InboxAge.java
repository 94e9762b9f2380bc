package io.github.wechatpaycomplaint.observability;

import java.time.Duration;
import java.time.Instant;

/**
 * An age as health and the inbox endpoint show it: of the oldest pending inbox entry, of
 * the deadlines' snapshot.
 */
final class InboxAge {

	private InboxAge() {
	}

	/**
	 * The age at a time, in whole seconds, never negative (the instance's clock may be
	 * behind the one that recorded the entry).
	 * @param since when the entry started its attempts (first listener pass, else
	 * recording or replay), or when the snapshot was taken
	 * @param now the time
	 * @return the age
	 */
	static Duration between(Instant since, Instant now) {
		Duration age = Duration.between(since, now);
		return age.isNegative() ? Duration.ZERO : age.withNanos(0);
	}

}
