package io.github.wechatpaycomplaint.simulator.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code AEAD_AES_256_GCM} with the APIv3 key, as WeChat Pay encrypts notification
 * resources and platform certificates: the 32-byte key and the nonce as UTF-8,
 * {@code associated_data} as additional data, a 128-bit tag appended to the ciphertext,
 * all in Base64.
 *
 * @since 0.1.0
 */
public final class AesGcm {

	/** The name WeChat Pay writes in {@code algorithm}. */
	public static final String ALGORITHM = "AEAD_AES_256_GCM";

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	/**
	 * Creates a cipher for an APIv3 key.
	 * @param apiV3Key the 32-character APIv3 key
	 */
	public AesGcm(String apiV3Key) {
		byte[] bytes = apiV3Key.getBytes(StandardCharsets.UTF_8);
		if (bytes.length != 32) {
			throw new IllegalArgumentException("An APIv3 key is 32 bytes, not " + bytes.length);
		}
		this.key = new SecretKeySpec(bytes, "AES");
	}

	/**
	 * Encrypts.
	 * @param associatedData {@code associated_data}, may be empty
	 * @param nonce {@code nonce}
	 * @param plaintext the plaintext bytes
	 * @return Base64 of ciphertext and tag
	 */
	public String encrypt(String associatedData, String nonce, byte[] plaintext) {
		return Base64.getEncoder().encodeToString(run(Cipher.ENCRYPT_MODE, associatedData, nonce, plaintext));
	}

	/**
	 * Decrypts.
	 * @param associatedData {@code associated_data}, may be empty
	 * @param nonce {@code nonce}
	 * @param base64Ciphertext {@code ciphertext}
	 * @return the plaintext bytes
	 * @throws IllegalArgumentException when the tag does not match (another key, or
	 * altered data)
	 */
	public byte[] decrypt(String associatedData, String nonce, String base64Ciphertext) {
		return run(Cipher.DECRYPT_MODE, associatedData, nonce, Base64.getDecoder().decode(base64Ciphertext));
	}

	private byte[] run(int mode, String associatedData, String nonce, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, nonce.getBytes(StandardCharsets.UTF_8)));
			if (!associatedData.isEmpty()) {
				cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
			}
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("AES-256-GCM failed: " + ex.getClass().getSimpleName(), ex);
		}
	}

	@Override
	public String toString() {
		return "AesGcm[key=******]";
	}

}
