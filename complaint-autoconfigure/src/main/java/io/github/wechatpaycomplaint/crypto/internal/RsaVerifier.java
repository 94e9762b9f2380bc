package io.github.wechatpaycomplaint.crypto.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Checks SHA256withRSA signatures made by WeChat Pay.
 *
 * @since 0.1.0
 */
public final class RsaVerifier {

	// Signature objects are not thread-safe but cheap to re-initialise: one per thread
	// spares the provider look-up
	// on the notification hot path.
	private static final ThreadLocal<Signature> SIGNATURES = ThreadLocal.withInitial(RsaVerifier::newSignature);

	private static final byte[] NEW_LINE = { '\n' };

	private RsaVerifier() {
	}

	/**
	 * Checks the signature of an answer or a notification over
	 * {@code TIMESTAMP\nNONCE\nBODY\n}, feeding the parts to the verifier directly
	 * instead of copying them into one message first.
	 * @param publicKey the key that should have signed
	 * @param timestamp the {@code Wechatpay-Timestamp} header as received
	 * @param nonce the {@code Wechatpay-Nonce} header
	 * @param body the raw body
	 * @param base64Signature the signature as sent
	 * @return whether the signature is valid
	 */
	public static boolean verifyAnswer(PublicKey publicKey, String timestamp, String nonce, byte[] body,
			String base64Signature) {
		// Fed in parts: the body is not copied into one message.
		return verifyParts(publicKey, base64Signature, timestamp.getBytes(StandardCharsets.UTF_8), NEW_LINE,
				nonce.getBytes(StandardCharsets.UTF_8), NEW_LINE, body, NEW_LINE);
	}

	private static byte @Nullable [] decode(String base64Signature) {
		try {
			return Base64.getDecoder().decode(base64Signature.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Signature newSignature() {
		try {
			return Signature.getInstance(RsaSigner.ALGORITHM);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(RsaSigner.ALGORITHM + " is missing from this JVM", ex);
		}
	}

	/**
	 * Checks one signature.
	 * @param publicKey the key that should have signed
	 * @param message the signed bytes
	 * @param base64Signature the signature as sent
	 * @return whether the signature is valid; {@code false} as well when it is not Base64
	 */
	public static boolean verify(PublicKey publicKey, byte[] message, String base64Signature) {
		return verifyParts(publicKey, base64Signature, message);
	}

	private static boolean verifyParts(PublicKey publicKey, String base64Signature, byte[]... message) {
		byte[] signatureBytes = decode(base64Signature);
		if (signatureBytes == null) {
			return false;
		}
		Signature signature = SIGNATURES.get();
		try {
			signature.initVerify(publicKey);
			for (byte[] part : message) {
				signature.update(part);
			}
			return signature.verify(signatureBytes);
		}
		catch (GeneralSecurityException ex) {
			return refused();
		}
	}

	// A malformed signature (wrong length, bad padding) or an unusable key is simply not
	// valid. The thread's
	// Signature is dropped: one whose provider was picked by a failed initialisation
	// (say, for an EC key) would
	// refuse every later RSA signature on this thread.
	private static boolean refused() {
		SIGNATURES.remove();
		return false;
	}

}
