/**
 * The simulator's complaints, their negotiation history and their state transitions.
 */
@NullMarked
package io.github.wechatpaycomplaint.simulator.state;

import org.jspecify.annotations.NullMarked;
