/**
 * The typed WeChat Pay complaint client: every operation of the complaint API, mainland
 * and Hong Kong, with paging helpers.
 */
@NullMarked
package io.github.wechatpaycomplaint.api;

import org.jspecify.annotations.NullMarked;
