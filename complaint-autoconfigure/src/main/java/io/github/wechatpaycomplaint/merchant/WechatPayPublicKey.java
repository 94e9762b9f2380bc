package io.github.wechatpaycomplaint.merchant;

import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;

import io.github.wechatpaycomplaint.crypto.VerificationKeyResolver;

/**
 * The WeChat Pay public key of public-key mode and its id ({@code PUB_KEY_ID_…}), which
 * WeChat Pay sends as {@code Wechatpay-Serial} when it signs with this key.
 *
 * @param id the public key id
 * @param key the public key
 * @since 0.1.0
 */
public record WechatPayPublicKey(String id, PublicKey key) implements VerificationKeyResolver {

	/** Prefix of every WeChat Pay public key id. */
	public static final String ID_PREFIX = "PUB_KEY_ID_";

	public WechatPayPublicKey {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(key, "key");
	}

	@Override
	public Optional<PublicKey> resolve(String serial) {
		return this.id.equals(serial) ? Optional.of(this.key) : Optional.empty();
	}

}
