/**
 * The shared complaint ledgers behind {@code wechatpay.complaint.deadlines.store}: JDBC
 * and Redis, each seen by every instance of the application.
 */
@NullMarked
package io.github.wechatpaycomplaint.deadline.store;

import org.jspecify.annotations.NullMarked;
