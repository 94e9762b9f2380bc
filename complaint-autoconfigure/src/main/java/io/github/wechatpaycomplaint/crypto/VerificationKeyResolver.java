package io.github.wechatpaycomplaint.crypto;

import java.security.PublicKey;
import java.util.Optional;

/**
 * Finds the WeChat Pay key that made a signature, by the {@code Wechatpay-Serial} header:
 * a public key id ({@code PUB_KEY_ID_…}) or a platform certificate serial number.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface VerificationKeyResolver {

	/**
	 * Looks a key up. Implementations backed by downloaded certificates may refresh them
	 * when the serial is unknown.
	 * @param serial the {@code Wechatpay-Serial} header
	 * @return the key, or empty when no key with that serial is known
	 */
	Optional<PublicKey> resolve(String serial);

}
