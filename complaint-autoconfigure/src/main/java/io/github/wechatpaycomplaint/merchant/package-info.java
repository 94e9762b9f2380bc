/**
 * A merchant's identity and key material, the unit every client and verifier is built
 * around.
 */
@NullMarked
package io.github.wechatpaycomplaint.merchant;

import org.jspecify.annotations.NullMarked;
