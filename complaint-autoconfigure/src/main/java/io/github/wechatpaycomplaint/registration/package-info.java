/**
 * Registration of the complaint notification URL with WeChat Pay when the application
 * starts.
 */
@NullMarked
package io.github.wechatpaycomplaint.registration;

import org.jspecify.annotations.NullMarked;
