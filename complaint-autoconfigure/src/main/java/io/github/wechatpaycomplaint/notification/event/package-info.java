/**
 * The Spring events published for complaint notifications, one type per action.
 */
@NullMarked
package io.github.wechatpaycomplaint.notification.event;

import org.jspecify.annotations.NullMarked;
