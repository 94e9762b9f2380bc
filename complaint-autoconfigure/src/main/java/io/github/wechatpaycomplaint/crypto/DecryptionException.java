package io.github.wechatpaycomplaint.crypto;

import io.github.wechatpaycomplaint.WechatPayException;

/**
 * Ciphertext that cannot be decrypted. Never carries the plaintext or the key.
 *
 * @since 0.1.0
 */
public class DecryptionException extends WechatPayException {

	public DecryptionException(String message) {
		super(message);
	}

	public DecryptionException(String message, Throwable cause) {
		super(message, cause);
	}

}
