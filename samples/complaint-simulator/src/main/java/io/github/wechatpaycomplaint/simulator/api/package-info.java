/**
 * Handlers of the simulated WeChat Pay complaint APIs.
 */
@NullMarked
package io.github.wechatpaycomplaint.simulator.api;

import org.jspecify.annotations.NullMarked;
