/**
 * Many merchants in one application: their definitions, the source that supplies them and
 * the registry that builds and caches each merchant's client on first use.
 */
@NullMarked
package io.github.wechatpaycomplaint.multimerchant;

import org.jspecify.annotations.NullMarked;
