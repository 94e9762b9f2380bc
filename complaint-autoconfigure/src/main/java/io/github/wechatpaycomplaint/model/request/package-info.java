/**
 * Requests of the WeChat Pay complaint API, checked against WeChat Pay's documented rules
 * before any call is spent.
 */
@NullMarked
package io.github.wechatpaycomplaint.model.request;

import org.jspecify.annotations.NullMarked;
