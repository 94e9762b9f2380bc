/**
 * Rich messages of the immediate-service reply and of negotiation history records.
 */
@NullMarked
package io.github.wechatpaycomplaint.model.message;

import org.jspecify.annotations.NullMarked;
