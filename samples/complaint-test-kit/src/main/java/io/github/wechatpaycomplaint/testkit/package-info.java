/**
 * Helpers for host applications' tests: signed notifications, matching keys and a
 * simulator extension.
 */
@NullMarked
package io.github.wechatpaycomplaint.testkit;

import org.jspecify.annotations.NullMarked;
