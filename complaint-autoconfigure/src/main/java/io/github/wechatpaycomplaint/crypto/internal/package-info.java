/**
 * Internal: the signing, verification and encryption primitives behind the public
 * {@code crypto} types. Not API; these classes may change or disappear in any release
 * without notice.
 */
@NullMarked
package io.github.wechatpaycomplaint.crypto.internal;

import org.jspecify.annotations.NullMarked;
