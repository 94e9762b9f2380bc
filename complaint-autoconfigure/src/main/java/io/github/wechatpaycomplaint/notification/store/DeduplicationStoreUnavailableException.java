package io.github.wechatpaycomplaint.notification.store;

import io.github.wechatpaycomplaint.WechatPayException;

/**
 * A de-duplication store did not answer within its operation timeout, or too many of its
 * operations were already waiting. The notification endpoint answers 500 at once, so
 * WeChat Pay delivers the notification again later.
 *
 * @since 0.1.0
 */
public class DeduplicationStoreUnavailableException extends WechatPayException {

	public DeduplicationStoreUnavailableException(String message) {
		super(message);
	}

}
