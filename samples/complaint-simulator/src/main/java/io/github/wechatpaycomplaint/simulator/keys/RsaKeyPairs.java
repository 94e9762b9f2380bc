package io.github.wechatpaycomplaint.simulator.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

/**
 * Makes the 2048-bit RSA key pairs of merchants and of WeChat Pay: the one key generator
 * of the simulator, the test kit and the starter's tests.
 *
 * @since 0.1.0
 */
public final class RsaKeyPairs {

	private RsaKeyPairs() {
	}

	/**
	 * A fresh 2048-bit RSA key pair (takes a moment).
	 * @return the key pair
	 */
	public static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA key generation is not available", ex);
		}
	}

}
