package io.github.wechatpaycomplaint.certificate;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * A WeChat Pay platform certificate, as downloaded from {@code /v3/certificates} and
 * decrypted.
 *
 * @param serialNumber the serial number WeChat Pay sends as {@code Wechatpay-Serial}
 * @param certificate the X.509 certificate
 * @param effectiveTime {@code effective_time}
 * @param expireTime {@code expire_time}
 * @since 0.1.0
 */
public record PlatformCertificate(String serialNumber, X509Certificate certificate, Instant effectiveTime,
		Instant expireTime) {

	public PlatformCertificate {
		Objects.requireNonNull(serialNumber, "serialNumber");
		Objects.requireNonNull(certificate, "certificate");
		Objects.requireNonNull(effectiveTime, "effectiveTime");
		Objects.requireNonNull(expireTime, "expireTime");
	}

	/**
	 * The key that verifies WeChat Pay's signatures.
	 * @return the certificate's public key
	 */
	public PublicKey publicKey() {
		return this.certificate.getPublicKey();
	}

	/**
	 * Whether the certificate may be used at an instant.
	 * @param instant the instant
	 * @return {@code true} between effective and expire time, and within the
	 * certificate's own validity dates
	 */
	public boolean isValidAt(Instant instant) {
		return !instant.isBefore(this.effectiveTime) && instant.isBefore(this.expireTime)
				&& !instant.isBefore(this.certificate.getNotBefore().toInstant())
				&& !instant.isAfter(this.certificate.getNotAfter().toInstant());
	}

}
