/**
 * The endpoint that receives WeChat Pay's complaint notifications: verify, decrypt,
 * de-duplicate, publish.
 */
@NullMarked
package io.github.wechatpaycomplaint.notification;

import org.jspecify.annotations.NullMarked;
