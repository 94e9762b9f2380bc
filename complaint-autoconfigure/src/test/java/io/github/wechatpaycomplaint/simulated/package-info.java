/**
 * The starter against the WeChat Pay complaint simulator: the simulator's main code
 * signs, verifies and encrypts with its own JCA code, so these tests check the starter's
 * client, signatures and notification handling against an independent implementation of
 * WeChat Pay. They live here, not in the simulator's module, because the simulator is a
 * test dependency of this module and must not depend on the starter in return (Maven
 * allows no cycles in any scope).
 */
package io.github.wechatpaycomplaint.simulated;
