/**
 * The signed, verifying RestClient plumbing for WeChat Pay APIv3.
 */
@NullMarked
package io.github.wechatpaycomplaint.client;

import org.jspecify.annotations.NullMarked;
