/**
 * The inbox of durable processing
 * ({@code wechatpay.complaint.notification.processing=durable}): the endpoint records
 * each verified notification and answers at once, and workers publish the events
 * afterwards, in order per complaint, with retries and dead letters.
 */
@NullMarked
package io.github.wechatpaycomplaint.notification.inbox;

import org.jspecify.annotations.NullMarked;
