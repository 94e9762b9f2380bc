package io.github.wechatpaycomplaint.simulator.notify;

import java.time.Duration;

/**
 * How the simulator delivers notifications: attempts and back-off (WeChat Pay waits
 * minutes between retries; the simulator waits what it is told), the chance that a
 * delivered notification is sent a second time, and the receiver's time to answer.
 *
 * @param maxAttempts attempts per delivery, 1 or more
 * @param retryBackoff wait before each retry
 * @param duplicateProbability chance, 0 to 1, of a duplicate after a successful delivery
 * @param alwaysDuplicate whether every delivered notification is sent twice
 * @param timeout time the receiver has to answer
 * @since 0.1.0
 */
public record DeliveryPolicy(int maxAttempts, Duration retryBackoff, double duplicateProbability,
		boolean alwaysDuplicate, Duration timeout) {

	public DeliveryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be 1 or more");
		}
		if (duplicateProbability < 0 || duplicateProbability > 1) {
			throw new IllegalArgumentException("duplicateProbability must be between 0 and 1");
		}
	}

}
