package io.github.wechatpaycomplaint.crypto;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Makes the {@code nonce_str} of a request signature: 32 upper-case hex characters from a
 * {@link SecureRandom}, the form WeChat Pay's own SDKs use.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface NonceGenerator {

	/**
	 * Returns a fresh nonce.
	 * @return a nonce never handed out before (with overwhelming probability)
	 */
	String nextNonce();

	/**
	 * The default generator.
	 * @return a generator backed by a {@link SecureRandom}
	 */
	static NonceGenerator secureRandom() {
		SecureRandom random = new SecureRandom();
		HexFormat hex = HexFormat.of().withUpperCase();
		return () -> {
			byte[] bytes = new byte[16];
			random.nextBytes(bytes);
			return hex.formatHex(bytes);
		};
	}

}
