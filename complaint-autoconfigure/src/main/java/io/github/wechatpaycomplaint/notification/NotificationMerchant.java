package io.github.wechatpaycomplaint.notification;

import java.util.Objects;

import io.github.wechatpaycomplaint.crypto.VerificationKeyResolver;
import io.github.wechatpaycomplaint.crypto.internal.ApiV3KeyCipher;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;

/**
 * What the notification endpoint needs of one merchant: its entry name, its merchant id,
 * the keys that verify WeChat Pay's signatures on its notifications, and its APIv3 key.
 *
 * <p>
 * {@link #toString()} shows the name and the merchant id only.
 *
 * @since 0.1.0
 */
public final class NotificationMerchant {

	private final String name;

	private final String merchantId;

	private final VerificationKeyResolver verificationKeys;

	private final ApiV3Decryption decryption;

	/**
	 * Creates a merchant from its parsed keys.
	 * @param name the entry name, such as {@code default} or {@code hk}
	 * @param verificationKeys the keys that verify WeChat Pay's signatures on this
	 * merchant's notifications; their lookup should not wait for a download, since anyone
	 * can send a notification
	 * @param merchant the merchant, whose APIv3 key decrypts its notifications
	 */
	public NotificationMerchant(String name, VerificationKeyResolver verificationKeys, WechatPayMerchant merchant) {
		this(name, merchant.getMerchantId(), verificationKeys, merchant::decryptWithApiV3Key);
	}

	/**
	 * Creates a merchant from its APIv3 key alone, for a notification-only setup.
	 * @param name the entry name, such as {@code default} or {@code hk}
	 * @param merchantId {@code mchid}
	 * @param verificationKeys the keys that verify WeChat Pay's signatures on this
	 * merchant's notifications
	 * @param apiV3Key the 32-byte APIv3 key
	 */
	public NotificationMerchant(String name, String merchantId, VerificationKeyResolver verificationKeys,
			String apiV3Key) {
		this(name, merchantId, verificationKeys,
				new ApiV3KeyCipher(Objects.requireNonNull(apiV3Key, "apiV3Key"))::decrypt);
	}

	private NotificationMerchant(String name, String merchantId, VerificationKeyResolver verificationKeys,
			ApiV3Decryption decryption) {
		this.name = Objects.requireNonNull(name, "name");
		this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
		this.verificationKeys = Objects.requireNonNull(verificationKeys, "verificationKeys");
		this.decryption = decryption;
	}

	/**
	 * The entry name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The merchant id.
	 * @return {@code mchid}
	 */
	public String merchantId() {
		return this.merchantId;
	}

	/**
	 * The keys that verify WeChat Pay's signatures on this merchant's notifications.
	 * @return the key lookup
	 */
	public VerificationKeyResolver verificationKeys() {
		return this.verificationKeys;
	}

	/**
	 * Decrypts a notification resource with this merchant's APIv3 key (AEAD_AES_256_GCM).
	 * @param associatedData the resource's associated data
	 * @param nonce the resource's nonce
	 * @param base64Ciphertext the resource's ciphertext
	 * @return the plaintext
	 */
	byte[] decrypt(String associatedData, String nonce, String base64Ciphertext) {
		return this.decryption.decrypt(associatedData, nonce, base64Ciphertext);
	}

	@Override
	public String toString() {
		return "NotificationMerchant[name=" + this.name + ", merchantId=" + this.merchantId + "]";
	}

	@FunctionalInterface
	private interface ApiV3Decryption {

		byte[] decrypt(String associatedData, String nonce, String base64Ciphertext);

	}

}
