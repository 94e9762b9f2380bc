package io.github.wechatpaycomplaint.notification;

import java.util.Objects;

import io.github.wechatpaycomplaint.crypto.ApiV3KeyCipher;
import io.github.wechatpaycomplaint.crypto.VerificationKeyResolver;

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

	private final ApiV3KeyCipher apiV3KeyCipher;

	/**
	 * Creates a merchant.
	 * @param name the entry name, such as {@code default} or {@code hk}
	 * @param merchantId {@code mchid}
	 * @param verificationKeys the key lookup for notifications: it must never wait for a
	 * certificate download, since anyone can send a notification
	 * @param apiV3KeyCipher the cipher keyed with the merchant's APIv3 key
	 */
	public NotificationMerchant(String name, String merchantId, VerificationKeyResolver verificationKeys,
			ApiV3KeyCipher apiV3KeyCipher) {
		this.name = Objects.requireNonNull(name, "name");
		this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
		this.verificationKeys = Objects.requireNonNull(verificationKeys, "verificationKeys");
		this.apiV3KeyCipher = Objects.requireNonNull(apiV3KeyCipher, "apiV3KeyCipher");
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
	 * The key lookup that never waits for a download.
	 * @return the resolver
	 */
	public VerificationKeyResolver verificationKeys() {
		return this.verificationKeys;
	}

	/**
	 * The cipher keyed with the merchant's APIv3 key.
	 * @return the cipher
	 */
	public ApiV3KeyCipher apiV3KeyCipher() {
		return this.apiV3KeyCipher;
	}

	@Override
	public String toString() {
		return "NotificationMerchant[name=" + this.name + ", merchantId=" + this.merchantId + "]";
	}

}
