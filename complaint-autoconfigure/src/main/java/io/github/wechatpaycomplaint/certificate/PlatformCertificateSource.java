package io.github.wechatpaycomplaint.certificate;

import java.util.Map;

import io.github.wechatpaycomplaint.crypto.VerificationKeyResolver;

/**
 * Where the platform certificates come from: WeChat Pay's certificate download in
 * production ({@code io.github.wechatpaycomplaint.client.PlatformCertificateDownloader}),
 * anything else in tests. Kept apart from the HTTP client so that the certificates the
 * client verifies with do not depend on the client.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PlatformCertificateSource {

	/**
	 * Fetches and verifies the current certificates.
	 * @param trustedKeys keys already trusted (the public key, or certificates fetched
	 * before) that may have signed the answer
	 * @return the certificates, keyed by serial number
	 * @throws io.github.wechatpaycomplaint.WechatPayException if they cannot be fetched,
	 * decrypted or verified
	 */
	Map<String, PlatformCertificate> download(VerificationKeyResolver trustedKeys);

}
