package io.github.wechatpaycomplaint.merchant;

import java.security.PublicKey;
import java.util.Optional;

import io.github.wechatpaycomplaint.certificate.PlatformCertificateManager;
import io.github.wechatpaycomplaint.crypto.VerificationKeyResolver;

import org.jspecify.annotations.Nullable;

/**
 * Every key that may verify WeChat Pay's signatures for one merchant: the WeChat Pay
 * public key, the platform certificates, or both during WeChat Pay's migration, when the
 * {@code Wechatpay-Serial} header chooses the key. Shared by the signed client and the
 * notification endpoint.
 *
 * @since 0.1.0
 */
public final class WechatPayVerificationKeys implements VerificationKeyResolver {

	private final @Nullable WechatPayPublicKey publicKey;

	private final @Nullable PlatformCertificateManager platformCertificates;

	/**
	 * Creates the key set; at least one source is required.
	 * @param publicKey the WeChat Pay public key, or {@code null}
	 * @param platformCertificates the platform certificates, or {@code null}
	 */
	public WechatPayVerificationKeys(@Nullable WechatPayPublicKey publicKey,
			@Nullable PlatformCertificateManager platformCertificates) {
		if (publicKey == null && platformCertificates == null) {
			throw new IllegalArgumentException("A WeChat Pay public key or platform certificates are required");
		}
		this.publicKey = publicKey;
		this.platformCertificates = platformCertificates;
	}

	/**
	 * Looks a key up without ever waiting for a certificate download, as notifications
	 * need: an unknown platform certificate serial starts a download in the background
	 * and finds nothing now.
	 * @param serial the {@code Wechatpay-Serial} header
	 * @return the key, or empty when none is known now
	 */
	@Override
	public Optional<PublicKey> resolve(String serial) {
		return resolve(serial, false);
	}

	/**
	 * The same lookup for answers to the application's own calls: an unknown platform
	 * certificate serial waits a bounded time for the download it triggers (see
	 * {@link PlatformCertificateManager#resolveAwaitingDownload}).
	 * @return the resolver
	 */
	public VerificationKeyResolver awaitingDownloads() {
		return (serial) -> resolve(serial, true);
	}

	private Optional<PublicKey> resolve(String serial, boolean awaitDownload) {
		if (this.publicKey != null) {
			Optional<PublicKey> key = this.publicKey.resolve(serial);
			if (key.isPresent()) {
				return key;
			}
		}
		if (serial.startsWith(WechatPayPublicKey.ID_PREFIX) || this.platformCertificates == null) {
			// A public key id that is not ours: no certificate download can help.
			return Optional.empty();
		}
		return awaitDownload ? this.platformCertificates.resolveAwaitingDownload(serial)
				: this.platformCertificates.resolve(serial);
	}

	/**
	 * The {@code Wechatpay-Serial} to send on requests: the public key id when there is
	 * one (WeChat Pay then signs its answers with the public key), else the newest
	 * platform certificate serial.
	 * @return the serial, or {@code null} when none is known yet
	 */
	public @Nullable String requestSerial() {
		if (this.publicKey != null) {
			return this.publicKey.id();
		}
		return (this.platformCertificates != null) ? this.platformCertificates.newestSerial() : null;
	}

	/**
	 * The WeChat Pay public key.
	 * @return the key, or {@code null} in certificate-only mode
	 */
	public @Nullable WechatPayPublicKey getPublicKey() {
		return this.publicKey;
	}

	/**
	 * The platform certificates.
	 * @return the manager, or {@code null} in public-key-only mode
	 */
	public @Nullable PlatformCertificateManager getPlatformCertificates() {
		return this.platformCertificates;
	}

}
