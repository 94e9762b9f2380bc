/**
 * WeChat Pay's signing, verification and encryption, written with plain JCA from WeChat
 * Pay's published rules, so that the simulator checks the starter with an implementation
 * of its own rather than with the code under test.
 */
@NullMarked
package io.github.wechatpaycomplaint.simulator.crypto;

import org.jspecify.annotations.NullMarked;
