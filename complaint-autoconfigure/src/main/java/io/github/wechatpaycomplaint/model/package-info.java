/**
 * Records of the WeChat Pay complaint API: complaints, negotiation history, notification URLs and images, with open
 * enums that keep values WeChat Pay adds later.
 */
@NullMarked
package io.github.wechatpaycomplaint.model;

import org.jspecify.annotations.NullMarked;
