package io.github.wechatpaycomplaint.crypto.internal;

import io.github.wechatpaycomplaint.crypto.ApiV3KeyMismatchException;
import io.github.wechatpaycomplaint.crypto.DecryptionException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReferenceArray;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code AEAD_AES_256_GCM} with the merchant's APIv3 key, as used by notification
 * resources and platform certificate downloads: IV = the resource nonce (UTF-8), AAD =
 * {@code associated_data} (UTF-8, may be empty), ciphertext = Base64 of the encrypted
 * bytes followed by the 16-byte tag.
 *
 * @since 0.1.0
 */
public final class ApiV3KeyCipher {

	/** The algorithm name WeChat Pay writes in {@code resource.algorithm}. */
	public static final String ALGORITHM = "AEAD_AES_256_GCM";

	/** Length of an APIv3 key in bytes. */
	public static final int KEY_LENGTH = 32;

	private static final int TAG_BITS = 128;

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	// Decrypting ciphers kept per key, re-initialised with each resource's nonce:
	// Cipher.getInstance is a provider look-up that costs more than decrypting a
	// notification's few hundred bytes, and a cipher initialised again with the key it
	// holds skips the AES key expansion, which one cipher per thread would redo whenever
	// consecutive notifications are for different merchants. A few slots serve that many
	// concurrent decryptions; beyond them a cipher is made and dropped.
	private static final int IDLE_CIPHERS = 4;

	private final SecretKeySpec key;

	private final AtomicReferenceArray<Cipher> idle = new AtomicReferenceArray<>(IDLE_CIPHERS);

	/**
	 * Creates a cipher.
	 * @param apiV3Key the 32-byte APIv3 key set in the merchant platform
	 * @throws IllegalArgumentException if the key is not 32 bytes in UTF-8 (the message
	 * gives the length, not the key)
	 */
	public ApiV3KeyCipher(String apiV3Key) {
		byte[] bytes = apiV3Key.getBytes(StandardCharsets.UTF_8);
		if (bytes.length != KEY_LENGTH) {
			throw new IllegalArgumentException(
					"The APIv3 key must be exactly " + KEY_LENGTH + " bytes but is " + bytes.length + " bytes long");
		}
		this.key = new SecretKeySpec(bytes, "AES");
	}

	/**
	 * Decrypts a resource.
	 * @param associatedData {@code associated_data}, empty or {@code null} when there is
	 * none
	 * @param nonce {@code nonce}
	 * @param base64Ciphertext {@code ciphertext}
	 * @return the plaintext bytes
	 * @throws ApiV3KeyMismatchException when the tag does not match
	 * @throws DecryptionException when the input is malformed
	 */
	public byte[] decrypt(String associatedData, String nonce, String base64Ciphertext) {
		byte[] ciphertext;
		try {
			ciphertext = Base64.getDecoder().decode(base64Ciphertext);
		}
		catch (IllegalArgumentException ex) {
			throw new DecryptionException("The ciphertext is not valid Base64");
		}
		if (ciphertext.length < TAG_BITS / 8) {
			throw new DecryptionException("The ciphertext is shorter than the 16-byte GCM tag");
		}
		if (nonce == null || nonce.isEmpty()) {
			throw new DecryptionException("The resource nonce is empty");
		}
		Cipher cipher = takeIdle();
		try {
			init(cipher, Cipher.DECRYPT_MODE, associatedData, nonce);
			return cipher.doFinal(ciphertext);
		}
		catch (AEADBadTagException ex) {
			throw new ApiV3KeyMismatchException("AES-GCM tag mismatch: the APIv3 key does not match the one set in the "
					+ "WeChat Pay merchant platform (or the resource was altered)", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new DecryptionException("AES-256-GCM decryption failed: " + ex.getClass().getSimpleName(), ex);
		}
		finally {
			// Initialised again before each use, whatever state a failure left.
			putIdle(cipher);
		}
	}

	/**
	 * Encrypts a plaintext the way WeChat Pay does; used by simulators and tests that
	 * build notifications.
	 * @param associatedData the associated data, may be empty
	 * @param nonce the nonce (WeChat Pay uses 12 characters)
	 * @param plaintext the plaintext bytes
	 * @return Base64 of the ciphertext and its tag
	 */
	public String encrypt(String associatedData, String nonce, byte[] plaintext) {
		try {
			// Encryption must never reuse a key and nonce pair, which a reused GCM cipher
			// refuses: give it a fresh one.
			Cipher cipher = newCipher();
			init(cipher, Cipher.ENCRYPT_MODE, associatedData, nonce);
			return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext));
		}
		catch (GeneralSecurityException ex) {
			throw new DecryptionException("AES-256-GCM encryption failed: " + ex.getClass().getSimpleName(), ex);
		}
	}

	private static Cipher newCipher() {
		try {
			return Cipher.getInstance(TRANSFORMATION);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(TRANSFORMATION + " is missing from this JVM", ex);
		}
	}

	private Cipher takeIdle() {
		for (int i = 0; i < IDLE_CIPHERS; i++) {
			Cipher cipher = this.idle.getAndSet(i, null);
			if (cipher != null) {
				return cipher;
			}
		}
		return newCipher();
	}

	private void putIdle(Cipher cipher) {
		for (int i = 0; i < IDLE_CIPHERS; i++) {
			if (this.idle.compareAndSet(i, null, cipher)) {
				return;
			}
		}
	}

	private void init(Cipher cipher, int mode, String associatedData, String nonce) throws GeneralSecurityException {
		cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, nonce.getBytes(StandardCharsets.UTF_8)));
		if (associatedData != null && !associatedData.isEmpty()) {
			cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
		}
	}

	@Override
	public String toString() {
		return "ApiV3KeyCipher[key=******]";
	}

}
