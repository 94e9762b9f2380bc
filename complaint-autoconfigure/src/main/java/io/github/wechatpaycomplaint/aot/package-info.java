/**
 * Runtime hints for Spring AOT and GraalVM native images: what the starter reads by
 * reflection (the JSON records) and from the classpath (certificates, SQL scripts).
 */
@NullMarked
package io.github.wechatpaycomplaint.aot;

import org.jspecify.annotations.NullMarked;
