package io.github.wechatpaycomplaint.crypto.internal;

import io.github.wechatpaycomplaint.crypto.InvalidKeyMaterialException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/**
 * SHA256withRSA (PKCS#1 v1.5) signatures, Base64-encoded, as WeChat Pay APIv3 expects
 * them.
 *
 * <p>
 * Deterministic: the same key and message always give the same signature, which is what
 * lets the tests compare against signatures made by the official SDK.
 *
 * @since 0.1.0
 */
public final class RsaSigner {

	static final String ALGORITHM = "SHA256withRSA";

	private final PrivateKey privateKey;

	public RsaSigner(PrivateKey privateKey) {
		this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
	}

	/**
	 * Signs a message.
	 * @param message the bytes to sign
	 * @return the Base64 signature
	 */
	public String sign(byte[] message) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initSign(this.privateKey);
			signature.update(message);
			return Base64.getEncoder().encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new InvalidKeyMaterialException("The private key cannot make SHA256withRSA signatures", ex);
		}
	}

	@Override
	public String toString() {
		return "RsaSigner[privateKey=******]";
	}

}
