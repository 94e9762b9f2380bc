package io.github.wechatpaycomplaint.crypto.internal;

import io.github.wechatpaycomplaint.crypto.DecryptionException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

import javax.crypto.Cipher;

/**
 * RSA-OAEP (SHA-1, MGF1) for WeChat Pay's sensitive fields such as {@code payer_phone}:
 * WeChat Pay encrypts them with the merchant's API certificate public key; the merchant
 * decrypts them with its private key.
 *
 * @since 0.1.0
 */
public final class SensitiveDataCipher {

	/** The transformation WeChat Pay's SDKs use. */
	public static final String TRANSFORMATION = "RSA/ECB/OAEPWithSHA-1AndMGF1Padding";

	private SensitiveDataCipher() {
	}

	/**
	 * Decrypts a Base64 ciphertext.
	 * @param privateKey the merchant private key
	 * @param base64Ciphertext the field as received
	 * @return the plaintext
	 * @throws DecryptionException if the field cannot be decrypted with this key (the
	 * message holds no data)
	 */
	public static String decrypt(PrivateKey privateKey, String base64Ciphertext) {
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, privateKey);
			byte[] plaintext = cipher.doFinal(Base64.getDecoder().decode(base64Ciphertext.strip()));
			return new String(plaintext, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new DecryptionException("The sensitive field is not valid Base64");
		}
		catch (GeneralSecurityException ex) {
			throw new DecryptionException(
					"The sensitive field cannot be decrypted with the merchant private key ("
							+ ex.getClass().getSimpleName() + "): was it encrypted for another merchant certificate?",
					ex);
		}
	}

	/**
	 * Encrypts a value for a merchant, as WeChat Pay does; used by simulators and tests.
	 * @param publicKey the merchant public key
	 * @param plaintext the value
	 * @return Base64 ciphertext
	 */
	public static String encrypt(PublicKey publicKey, String plaintext) {
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, publicKey);
			return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new DecryptionException("RSA-OAEP encryption failed: " + ex.getClass().getSimpleName(), ex);
		}
	}

}
