/**
 * Complaint deadlines: a ledger of every complaint the starter learns of, and a watcher
 * that publishes an event when WeChat Pay's first-reply or resolution deadline is near or
 * past.
 */
@NullMarked
package io.github.wechatpaycomplaint.deadline;

import org.jspecify.annotations.NullMarked;
