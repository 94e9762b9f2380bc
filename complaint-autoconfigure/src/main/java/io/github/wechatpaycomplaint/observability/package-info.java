/**
 * Metrics and health of the starter: API calls, notifications and the de-duplication
 * store.
 */
@NullMarked
package io.github.wechatpaycomplaint.observability;

import org.jspecify.annotations.NullMarked;
