package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;
import java.util.Optional;

import io.github.wechatpaycomplaint.certificate.PlatformCertificateManager;
import io.github.wechatpaycomplaint.certificate.PlatformCertificateScheduler;
import io.github.wechatpaycomplaint.certificate.PlatformCertificateTrust;
import io.github.wechatpaycomplaint.client.PlatformCertificateDownloader;
import io.github.wechatpaycomplaint.client.WechatPayRestClientFactory;
import io.github.wechatpaycomplaint.crypto.VerificationKeyResolver;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.merchant.WechatPayPublicKey;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ResourceLoader;
import org.springframework.web.client.RestClient;

/**
 * Builds a merchant's platform certificate manager (certificate mode), for the single
 * merchant's bean and for each merchant of the registry alike.
 */
final class PlatformCertificateManagers {

	private PlatformCertificateManagers() {
	}

	/**
	 * Builds the manager; it is not started.
	 * @param prefix {@code wechatpay.complaint} or
	 * {@code wechatpay.complaint.merchants.<name>}, for error messages
	 * @param certificates the platform certificate settings
	 * @param client the client settings
	 * @param merchant the merchant that signs the download
	 * @param clientFactory builds the signing client
	 * @param trustedPublicKey the WeChat Pay public key, also trusted during the
	 * migration, or {@code null}
	 * @param jsonMapper reads the download
	 * @param clock the clock
	 * @param resourceLoader loads the trust anchor
	 * @param scheduler the threads shared by every manager, or {@code null} for threads
	 * of its own
	 * @return the manager
	 */
	static PlatformCertificateManager create(String prefix, ComplaintProperties.PlatformCertificates certificates,
			ComplaintClientProperties client, WechatPayMerchant merchant, WechatPayRestClientFactory clientFactory,
			@Nullable WechatPayPublicKey trustedPublicKey, JsonMapper jsonMapper, Clock clock,
			ResourceLoader resourceLoader, @Nullable PlatformCertificateScheduler scheduler) {
		PlatformCertificateTrust trust = new PlatformCertificateTrustFactory(resourceLoader,
				prefix + ".platform-certificates.trust-anchor")
			.trust(certificates.getTrustAnchor(), clock);
		VerificationKeyResolver otherTrustedKeys = (trustedPublicKey != null) ? trustedPublicKey
				: (serial) -> Optional.empty();
		// The download itself is signed but checked by the downloader, with the
		// certificates it contains.
		RestClient signingClient = clientFactory.signingClient(merchant,
				() -> (trustedPublicKey != null) ? trustedPublicKey.id() : null, client.resolveBaseUri());
		PlatformCertificateDownloader downloader = new PlatformCertificateDownloader(signingClient,
				client.getEndpoint().getCertificatesPath(), merchant, jsonMapper, clock, client.getMaxClockSkew(),
				trust);
		return new PlatformCertificateManager(downloader, otherTrustedKeys, clock, certificates.getRefreshInterval(),
				certificates.getUnknownSerialRefreshInterval(), scheduler);
	}

}
