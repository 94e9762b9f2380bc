/**
 * What applications name of WeChat Pay APIv3's signatures and encryption: the exceptions
 * they raise, the signature headers, and the key lookup and nonce extension points. The
 * implementation lives in {@code crypto.internal}, which is not API. Free of Spring Web.
 */
@NullMarked
package io.github.wechatpaycomplaint.crypto;

import org.jspecify.annotations.NullMarked;
