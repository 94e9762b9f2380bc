/**
 * A sample application that handles WeChat Pay complaints end to end with the starter.
 */
@NullMarked
package io.github.wechatpaycomplaint.samples.complainthandling;

import org.jspecify.annotations.NullMarked;
