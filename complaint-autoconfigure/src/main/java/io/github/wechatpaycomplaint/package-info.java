/**
 * WeChat Pay APIv3 consumer-complaint starter: the shared exception root.
 */
@NullMarked
package io.github.wechatpaycomplaint;

import org.jspecify.annotations.NullMarked;
