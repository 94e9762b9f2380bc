/**
 * Background schedules shared by the starter's periodic jobs.
 */
@NullMarked
package io.github.wechatpaycomplaint.schedule;

import org.jspecify.annotations.NullMarked;
