package io.github.wechatpaycomplaint.notification;

import java.util.Objects;

import io.github.wechatpaycomplaint.crypto.ApiV3KeyCipher;
import io.github.wechatpaycomplaint.crypto.VerificationKeyResolver;

/**
 * One merchant as the notification side sees it: its entry name, merchant id, the keys
 * that verify WeChat Pay's signatures (a lookup that never waits for a download) and the
 * cipher of its APIv3 key. {@link #toString()} shows the name and merchant id only.
 *
 * @since 0.1.0
 */
public final class NotificationMerchant {

	private final String name;

	private final String merchantId;

	private final VerificationKeyResolver verificationKeys;

	private final ApiV3KeyCipher apiV3KeyCipher;

	public NotificationMerchant(String name, String merchantId, VerificationKeyResolver verificationKeys,
			ApiV3KeyCipher apiV3KeyCipher) {
		this.name = Objects.requireNonNull(name, "name");
		this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
		this.verificationKeys = Objects.requireNonNull(verificationKeys, "verificationKeys");
		this.apiV3KeyCipher = Objects.requireNonNull(apiV3KeyCipher, "apiV3KeyCipher");
	}

	public String name() {
		return this.name;
	}

	public String merchantId() {
		return this.merchantId;
	}

	public VerificationKeyResolver verificationKeys() {
		return this.verificationKeys;
	}

	public ApiV3KeyCipher apiV3KeyCipher() {
		return this.apiV3KeyCipher;
	}

	@Override
	public String toString() {
		return "NotificationMerchant[name=" + this.name + ", merchantId=" + this.merchantId + "]";
	}

}
