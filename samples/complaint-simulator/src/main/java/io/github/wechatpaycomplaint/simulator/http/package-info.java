/**
 * The simulator's HTTP plumbing: request authentication, signed answers and WeChat Pay's
 * error answers.
 */
@NullMarked
package io.github.wechatpaycomplaint.simulator.http;

import org.jspecify.annotations.NullMarked;
