package io.github.wechatpaycomplaint.simulator.notify;

import java.security.SecureRandom;

/**
 * The 12-character nonces WeChat Pay puts in encrypted resources (the AES-GCM IV).
 *
 * @since 0.1.0
 */
public final class ResourceNonces {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ResourceNonces() {
	}

	/**
	 * A fresh nonce.
	 * @return 12 letters and digits
	 */
	public static String next() {
		StringBuilder nonce = new StringBuilder(12);
		for (int i = 0; i < 12; i++) {
			nonce.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return nonce.toString();
	}

}
