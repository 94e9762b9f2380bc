package io.github.wechatpaycomplaint.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.github.wechatpaycomplaint.crypto.internal.PemKeys;

/**
 * Decides whether a downloaded platform certificate may be trusted: it must chain to the
 * trust anchor (by default the built-in Tenpay.com Root CA that issues WeChat Pay's
 * platform certificates) and be within its X.509 validity dates now, as WeChat Pay's own
 * SDKs check. It must also be a certificate for signing: an end-entity certificate (not a
 * CA, not the anchor itself) whose key usage, if present, allows
 * {@code digitalSignature}. The Tenpay root also issues every merchant's API certificate,
 * which must not pass for a platform certificate.
 *
 * <p>
 * The chain is checked with the JDK's PKIX {@link CertPathValidator} (revocation off, as
 * in WeChat Pay's SDKs: the CRL lives on a third-party host the application may not
 * reach) rather than with a bare signature check, so that name chaining, the issuer's
 * constraints and unknown critical extensions are checked the standard way. Platform
 * certificates are issued directly by the root, so the path is the certificate alone.
 *
 * @since 0.1.0
 */
public final class PlatformCertificateTrust {

	/** Class path location of the built-in Tenpay.com Root CA certificate. */
	public static final String TENPAY_ROOT_CA_RESOURCE = "io/github/wechatpaycomplaint/certificate/tenpay-root-ca.pem";

	private final X509Certificate anchor;

	private final Set<TrustAnchor> trustAnchors;

	private final Clock clock;

	/**
	 * Creates a trust check with another anchor (a private CA for a simulator or tests).
	 * @param anchor the CA certificate platform certificates must be issued by
	 * @param clock the clock for the validity dates
	 * @throws IllegalArgumentException if the anchor is not a CA certificate
	 */
	public PlatformCertificateTrust(X509Certificate anchor, Clock clock) {
		this.anchor = Objects.requireNonNull(anchor, "anchor");
		this.clock = Objects.requireNonNull(clock, "clock");
		if (!isCertificateAuthority(anchor)) {
			throw new IllegalArgumentException("The certificate '" + anchor.getSubjectX500Principal().getName()
					+ "' is not a CA certificate (it needs basic constraints CA:TRUE and, if it has a key usage, "
					+ "keyCertSign)");
		}
		this.trustAnchors = Set.of(new TrustAnchor(anchor, null));
	}

	/**
	 * Creates a trust check with the built-in Tenpay.com Root CA, which issues WeChat
	 * Pay's platform certificates.
	 * @param clock the clock for the validity dates
	 * @return the trust check
	 */
	public static PlatformCertificateTrust tenpayRootCa(Clock clock) {
		return new PlatformCertificateTrust(builtInTenpayRootCa(), clock);
	}

	/**
	 * Reads the built-in Tenpay.com Root CA certificate.
	 * @return the certificate
	 */
	public static X509Certificate builtInTenpayRootCa() {
		ClassLoader classLoader = PlatformCertificateTrust.class.getClassLoader();
		try (InputStream in = classLoader.getResourceAsStream(TENPAY_ROOT_CA_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The built-in Tenpay.com Root CA (" + TENPAY_ROOT_CA_RESOURCE
						+ ") is missing from the class path");
			}
			return PemKeys.certificate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("The built-in Tenpay.com Root CA cannot be read", ex);
		}
	}

	/**
	 * The CA certificate platform certificates must be issued by.
	 * @return the trust anchor
	 */
	public X509Certificate getAnchor() {
		return this.anchor;
	}

	/**
	 * Checks a platform certificate.
	 * @param certificate the decrypted platform certificate
	 * @return why it is refused (without key material), or empty if it may be trusted
	 */
	public Optional<String> refusalReason(X509Certificate certificate) {
		Date now = Date.from(this.clock.instant());
		try {
			certificate.checkValidity(now);
		}
		catch (CertificateExpiredException ex) {
			return Optional.of("it expired at " + certificate.getNotAfter().toInstant());
		}
		catch (CertificateNotYetValidException ex) {
			return Optional.of("it is not valid before " + certificate.getNotBefore().toInstant());
		}
		Optional<String> wrongPurpose = wrongPurpose(certificate);
		if (wrongPurpose.isPresent()) {
			return wrongPurpose;
		}
		try {
			PKIXParameters parameters = new PKIXParameters(this.trustAnchors);
			parameters.setRevocationEnabled(false);
			parameters.setDate(now);
			CertPathValidator.getInstance("PKIX")
				.validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)), parameters);
			return Optional.empty();
		}
		catch (CertPathValidatorException ex) {
			return Optional.of("it does not chain to the trust anchor '"
					+ this.anchor.getSubjectX500Principal().getName() + "' (" + ex.getMessage() + ")");
		}
		catch (GeneralSecurityException ex) {
			return Optional.of("its chain cannot be checked (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private Optional<String> wrongPurpose(X509Certificate certificate) {
		if (certificate.equals(this.anchor)) {
			return Optional.of("it is the trust anchor itself, not a platform certificate");
		}
		if (certificate.getBasicConstraints() != -1) {
			return Optional.of("it is a CA certificate (basic constraints CA:TRUE), not a platform certificate");
		}
		boolean[] keyUsage = certificate.getKeyUsage();
		if (keyUsage != null && (keyUsage.length == 0 || !keyUsage[0])) {
			return Optional.of("its key usage does not allow digitalSignature");
		}
		return Optional.empty();
	}

	private static boolean isCertificateAuthority(X509Certificate certificate) {
		boolean[] keyUsage = certificate.getKeyUsage();
		return certificate.getBasicConstraints() >= 0 && (keyUsage == null || (keyUsage.length > 5 && keyUsage[5]));
	}

	@Override
	public String toString() {
		return "PlatformCertificateTrust[anchor=" + this.anchor.getSubjectX500Principal().getName() + "]";
	}

}
