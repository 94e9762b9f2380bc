/**
 * The parent of the starter's events, shared by notifications and reconciliation.
 */
@NullMarked
package io.github.wechatpaycomplaint.event;

import org.jspecify.annotations.NullMarked;
