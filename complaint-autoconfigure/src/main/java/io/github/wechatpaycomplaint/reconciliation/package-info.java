/**
 * Reconciliation: finds complaints whose notification was lost by listing recent
 * complaints, so none goes unhandled.
 */
@NullMarked
package io.github.wechatpaycomplaint.reconciliation;

import org.jspecify.annotations.NullMarked;
