package io.github.wechatpaycomplaint.simulator.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * {@code SHA256withRSA} (PKCS#1 v1.5) signatures in Base64, the signature of
 * {@code WECHATPAY2-SHA256-RSA2048}.
 *
 * @since 0.1.0
 */
public final class Sha256WithRsa {

	private static final String ALGORITHM = "SHA256withRSA";

	private Sha256WithRsa() {
	}

	/**
	 * Signs a message.
	 * @param key the private key
	 * @param message the message bytes
	 * @return the Base64 signature
	 */
	public static String sign(PrivateKey key, byte[] message) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initSign(key);
			signature.update(message);
			return Base64.getEncoder().encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ALGORITHM + " signing failed: " + ex.getClass().getSimpleName(), ex);
		}
	}

	/**
	 * Verifies a signature; a signature that is not Base64 does not verify.
	 * @param key the public key
	 * @param message the message bytes
	 * @param base64Signature the Base64 signature
	 * @return whether the signature matches
	 */
	public static boolean verify(PublicKey key, byte[] message, String base64Signature) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initVerify(key);
			signature.update(message);
			return signature.verify(Base64.getDecoder().decode(base64Signature));
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			return false;
		}
	}

}
