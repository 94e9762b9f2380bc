package io.github.wechatpaycomplaint.merchant;

import java.security.PrivateKey;
import java.util.Objects;

import io.github.wechatpaycomplaint.crypto.ApiV3KeyMismatchException;
import io.github.wechatpaycomplaint.crypto.AuthorizationHeader;
import io.github.wechatpaycomplaint.crypto.DecryptionException;
import io.github.wechatpaycomplaint.crypto.internal.ApiV3KeyCipher;
import io.github.wechatpaycomplaint.crypto.internal.RsaSigner;
import io.github.wechatpaycomplaint.crypto.internal.SensitiveDataCipher;
import io.github.wechatpaycomplaint.crypto.internal.SignatureMessages;

/**
 * One merchant (or service provider) and its key material: the merchant id, the serial
 * number of its API certificate, its private key and its APIv3 key. Every signed client,
 * certificate download and notification decryption is built around one of these, so that
 * several merchants can live side by side.
 *
 * <p>
 * {@link #toString()} shows the merchant id and serial only.
 *
 * @since 0.1.0
 */
public final class WechatPayMerchant {

	private final String merchantId;

	private final String certificateSerialNumber;

	private final PrivateKey privateKey;

	private final RsaSigner signer;

	private final ApiV3KeyCipher apiV3KeyCipher;

	/**
	 * Creates a merchant.
	 * @param merchantId {@code mchid}
	 * @param certificateSerialNumber serial number of the merchant API certificate
	 * @param privateKey the merchant API private key
	 * @param apiV3Key the 32-byte APIv3 key
	 */
	public WechatPayMerchant(String merchantId, String certificateSerialNumber, PrivateKey privateKey,
			String apiV3Key) {
		this.merchantId = requireText(merchantId, "merchantId");
		this.certificateSerialNumber = requireText(certificateSerialNumber, "certificateSerialNumber");
		this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
		this.signer = new RsaSigner(privateKey);
		this.apiV3KeyCipher = new ApiV3KeyCipher(Objects.requireNonNull(apiV3Key, "apiV3Key"));
	}

	public String getMerchantId() {
		return this.merchantId;
	}

	public String getCertificateSerialNumber() {
		return this.certificateSerialNumber;
	}

	/**
	 * Decrypts an {@code AEAD_AES_256_GCM} resource WeChat Pay encrypted with this
	 * merchant's APIv3 key, such as a notification or a platform certificate.
	 * @param associatedData {@code associated_data}, empty when there is none
	 * @param nonce {@code nonce}
	 * @param base64Ciphertext {@code ciphertext}
	 * @return the plaintext bytes; callers must keep them out of logs
	 * @throws ApiV3KeyMismatchException when the tag does not match (almost always a
	 * wrong APIv3 key)
	 * @throws DecryptionException when the input is malformed
	 */
	public byte[] decryptWithApiV3Key(String associatedData, String nonce, String base64Ciphertext) {
		return this.apiV3KeyCipher.decrypt(associatedData, nonce, base64Ciphertext);
	}

	/**
	 * Signs a request and formats its {@code Authorization} header.
	 * @param method the HTTP method
	 * @param canonicalUrl raw path and query as sent
	 * @param timestamp Unix seconds
	 * @param nonce the nonce
	 * @param body the bytes the signature covers
	 * @return the header
	 */
	public AuthorizationHeader authorize(String method, String canonicalUrl, long timestamp, String nonce,
			byte[] body) {
		String signature = this.signer.sign(SignatureMessages.request(method, canonicalUrl, timestamp, nonce, body));
		return new AuthorizationHeader(this.merchantId, nonce, timestamp, this.certificateSerialNumber, signature);
	}

	/**
	 * Decrypts a sensitive field WeChat Pay encrypted for this merchant, such as
	 * {@code payer_phone}.
	 * @param base64Ciphertext the field as received
	 * @return the plaintext; callers must keep it out of logs
	 */
	public String decryptSensitiveField(String base64Ciphertext) {
		return SensitiveDataCipher.decrypt(this.privateKey, base64Ciphertext);
	}

	@Override
	public String toString() {
		return "WechatPayMerchant[merchantId=" + this.merchantId + ", certificateSerialNumber="
				+ this.certificateSerialNumber + ", privateKey=******, apiV3Key=******]";
	}

	private static String requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be empty");
		}
		return value.strip();
	}

}
