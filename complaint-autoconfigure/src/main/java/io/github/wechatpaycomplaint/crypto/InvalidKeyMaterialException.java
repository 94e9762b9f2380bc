package io.github.wechatpaycomplaint.crypto;

import io.github.wechatpaycomplaint.WechatPayException;

/**
 * Key or certificate text that cannot be parsed. The message describes what was expected,
 * never the key itself.
 *
 * @since 0.1.0
 */
public class InvalidKeyMaterialException extends WechatPayException {

	public InvalidKeyMaterialException(String message) {
		super(message);
	}

	public InvalidKeyMaterialException(String message, Throwable cause) {
		super(message, cause);
	}

}
