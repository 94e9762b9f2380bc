/**
 * Keeping calls to WeChat Pay working: failover to the backup host, safe retries, and
 * client-side rate limits.
 */
@NullMarked
package io.github.wechatpaycomplaint.resilience;

import org.jspecify.annotations.NullMarked;
