/**
 * Keys the simulator generates and hands to the application.
 */
@NullMarked
package io.github.wechatpaycomplaint.simulator.keys;

import org.jspecify.annotations.NullMarked;
