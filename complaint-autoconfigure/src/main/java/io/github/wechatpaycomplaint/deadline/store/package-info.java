/**
 * The shared complaint ledgers: kept in a database table or in Redis, seen by every
 * instance of the application, so that each deadline threshold is published by one of
 * them.
 */
@NullMarked
package io.github.wechatpaycomplaint.deadline.store;

import org.jspecify.annotations.NullMarked;
