/**
 * The events of complaint deadlines, published once per complaint, round and threshold.
 */
@NullMarked
package io.github.wechatpaycomplaint.deadline.event;

import org.jspecify.annotations.NullMarked;
