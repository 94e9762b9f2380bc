package io.github.wechatpaycomplaint.simulator.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

import javax.crypto.Cipher;

/**
 * Sensitive fields such as {@code payer_phone}: RSA-OAEP with SHA-1 and MGF1 under the
 * merchant API certificate's public key, in Base64.
 *
 * @since 0.1.0
 */
public final class RsaOaep {

	/** The JCA transformation WeChat Pay uses. */
	public static final String TRANSFORMATION = "RSA/ECB/OAEPWithSHA-1AndMGF1Padding";

	private RsaOaep() {
	}

	/**
	 * Encrypts a value for the merchant.
	 * @param merchantPublicKey the merchant API certificate's public key
	 * @param plaintext the value
	 * @return the Base64 ciphertext
	 */
	public static String encrypt(PublicKey merchantPublicKey, String plaintext) {
		byte[] ciphertext = run(Cipher.ENCRYPT_MODE, merchantPublicKey, plaintext.getBytes(StandardCharsets.UTF_8));
		return Base64.getEncoder().encodeToString(ciphertext);
	}

	/**
	 * Decrypts a value, as the merchant does.
	 * @param merchantPrivateKey the merchant API private key
	 * @param base64Ciphertext the Base64 ciphertext
	 * @return the value
	 */
	public static String decrypt(PrivateKey merchantPrivateKey, String base64Ciphertext) {
		byte[] plaintext = run(Cipher.DECRYPT_MODE, merchantPrivateKey, Base64.getDecoder().decode(base64Ciphertext));
		return new String(plaintext, StandardCharsets.UTF_8);
	}

	private static byte[] run(int mode, Key key, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(mode, key);
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("RSA-OAEP failed: " + ex.getClass().getSimpleName(), ex);
		}
	}

}
