/**
 * Signing, verification and decryption rules of WeChat Pay APIv3; free of Spring Web.
 */
@NullMarked
package io.github.wechatpaycomplaint.crypto;

import org.jspecify.annotations.NullMarked;
