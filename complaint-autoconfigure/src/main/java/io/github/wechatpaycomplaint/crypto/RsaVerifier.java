package io.github.wechatpaycomplaint.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Checks SHA256withRSA signatures made by WeChat Pay.
 *
 * @since 0.1.0
 */
public final class RsaVerifier {

	private RsaVerifier() {
	}

	/**
	 * Checks one signature.
	 * @param publicKey the key that should have signed
	 * @param message the signed bytes
	 * @param base64Signature the signature as sent
	 * @return whether the signature is valid; {@code false} as well when it is not Base64
	 */
	public static boolean verify(PublicKey publicKey, byte[] message, String base64Signature) {
		byte[] signatureBytes;
		try {
			signatureBytes = Base64.getDecoder().decode(base64Signature.strip());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		try {
			Signature signature = Signature.getInstance(RsaSigner.ALGORITHM);
			signature.initVerify(publicKey);
			signature.update(message);
			return signature.verify(signatureBytes);
		}
		catch (GeneralSecurityException ex) {
			// A malformed signature (wrong length, bad padding) is simply not valid.
			return false;
		}
	}

}
