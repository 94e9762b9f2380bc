/**
 * Signed, encrypted complaint notifications sent to the application, with duplicates and
 * retries.
 */
@NullMarked
package io.github.wechatpaycomplaint.simulator.notify;

import org.jspecify.annotations.NullMarked;
