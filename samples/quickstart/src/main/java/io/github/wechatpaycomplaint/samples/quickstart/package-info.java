/**
 * The smallest application using the starter.
 */
@NullMarked
package io.github.wechatpaycomplaint.samples.quickstart;

import org.jspecify.annotations.NullMarked;
