package io.github.wechatpaycomplaint;

/**
 * Root of every exception the starter throws. Messages name ids and properties, never
 * keys, plaintext or personal data.
 *
 * @since 0.1.0
 */
public class WechatPayException extends RuntimeException {

	public WechatPayException(String message) {
		super(message);
	}

	public WechatPayException(String message, Throwable cause) {
		super(message, cause);
	}

}
