package io.github.wechatpaycomplaint.simulator.notify;

import java.time.Instant;

/**
 * One try to deliver a notification.
 *
 * @param number 1 for the first try
 * @param time when it was sent
 * @param status the HTTP status answered, or 0 when there was no answer
 * @param failure why there was no answer (timeout, refused connection), or {@code null}
 * @since 0.1.0
 */
public record DeliveryAttempt(int number, Instant time, int status, String failure) {

	/**
	 * Whether the receiver took the notification (200 or 204, any 2xx).
	 * @return {@code true} on a 2xx answer
	 */
	public boolean succeeded() {
		return this.status >= 200 && this.status < 300;
	}

}
