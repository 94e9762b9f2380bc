/**
 * The de-duplication stores behind
 * {@code wechatpay.complaint.notification.deduplication.store}: memory, JDBC, Redis.
 */
@NullMarked
package io.github.wechatpaycomplaint.notification.store;

import org.jspecify.annotations.NullMarked;
