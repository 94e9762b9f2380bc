/**
 * An embedded WeChat Pay complaint API simulator for demos and tests.
 */
@NullMarked
package io.github.wechatpaycomplaint.simulator;

import org.jspecify.annotations.NullMarked;
