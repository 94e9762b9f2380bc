/**
 * Auto-configuration for the WeChat Pay complaint starter.
 */
@NullMarked
package io.github.wechatpaycomplaint.autoconfigure;

import org.jspecify.annotations.NullMarked;
