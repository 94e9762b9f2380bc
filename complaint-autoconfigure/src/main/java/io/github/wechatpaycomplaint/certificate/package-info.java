/**
 * WeChat Pay platform certificates: download, decryption, caching and refresh.
 */
@NullMarked
package io.github.wechatpaycomplaint.certificate;

import org.jspecify.annotations.NullMarked;
