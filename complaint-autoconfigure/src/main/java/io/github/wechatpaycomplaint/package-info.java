/**
 * WeChat Pay APIv3 consumer-complaint starter: the shared exception root and the lookup
 * of WeChat Pay's open enums.
 */
@NullMarked
package io.github.wechatpaycomplaint;

import org.jspecify.annotations.NullMarked;
