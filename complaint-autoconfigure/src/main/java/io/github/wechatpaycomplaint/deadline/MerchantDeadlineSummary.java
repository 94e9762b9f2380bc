package io.github.wechatpaycomplaint.deadline;

import java.time.Duration;

/**
 * One merchant's open complaints against their deadlines.
 *
 * @param merchantName the merchant's entry name
 * @param open complaints not completed
 * @param awaitingFirstReply open complaints the merchant has not replied to in their
 * round
 * @param overdue open complaints past a running deadline
 * @param oldestAwaitingReply age of the oldest complaint awaiting a first reply (since
 * its round started), {@link Duration#ZERO} when none is
 * @since 0.1.0
 */
public record MerchantDeadlineSummary(String merchantName, int open, int awaitingFirstReply, int overdue,
		Duration oldestAwaitingReply) {

}
