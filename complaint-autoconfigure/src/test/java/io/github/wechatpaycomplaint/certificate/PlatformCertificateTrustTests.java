package io.github.wechatpaycomplaint.certificate;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HexFormat;

import javax.security.auth.x500.X500Principal;

import io.github.wechatpaycomplaint.simulator.keys.CertificateAuthority;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.testsupport.TestKeys;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A platform certificate is trusted only when it chains to the trust anchor and is within
 * its validity dates on the starter's clock; the built-in anchor is the real Tenpay.com
 * Root CA.
 */
class PlatformCertificateTrustTests {

	private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

	private static final KeyPair PLATFORM = RsaKeyPairs.generate();

	private final PlatformCertificateTrust trust = new PlatformCertificateTrust(TestKeys.testCa().certificate(),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void acceptsACertificateIssuedByTheAnchorAndValidNow() {
		X509Certificate certificate = TestKeys.testCa()
			.issue(PLATFORM, BigInteger.TEN, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
		assertThat(this.trust.refusalReason(certificate)).isEmpty();
	}

	@Test
	void refusesACertificateIssuedByAnotherCa() {
		CertificateAuthority other = CertificateAuthority.create("CN=Another CA, O=Test");
		X509Certificate certificate = other.issue(PLATFORM, BigInteger.TEN, NOW.minus(Duration.ofDays(1)),
				NOW.plus(Duration.ofDays(365)));
		assertThat(this.trust.refusalReason(certificate)).hasValueSatisfying((reason) -> assertThat(reason)
			.startsWith("it does not chain to the trust anchor 'CN=Tenpay.com Root CA Test"));
	}

	@Test
	void refusesASelfSignedCertificateNamingTheAnchorAsIssuer() {
		KeyPair forger = RsaKeyPairs.generate();
		X509Certificate certificate = new CertificateAuthority(forger, TestKeys.testCa().certificate()).issue(PLATFORM,
				BigInteger.TEN, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
		assertThat(this.trust.refusalReason(certificate))
			.hasValueSatisfying((reason) -> assertThat(reason).startsWith("it does not chain to the trust anchor"));
	}

	@Test
	void refusesAnExpiredCertificate() {
		X509Certificate certificate = TestKeys.testCa()
			.issue(PLATFORM, BigInteger.TEN, NOW.minus(Duration.ofDays(365)), NOW.minusSeconds(1));
		assertThat(this.trust.refusalReason(certificate)).hasValue("it expired at " + NOW.minusSeconds(1));
	}

	@Test
	void refusesACertificateNotValidYet() {
		X509Certificate certificate = TestKeys.testCa()
			.issue(PLATFORM, BigInteger.TEN, NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
		assertThat(this.trust.refusalReason(certificate))
			.hasValue("it is not valid before " + NOW.plus(Duration.ofDays(1)));
	}

	@Test
	void refusesAnAnchorThatIsNotACaCertificate() {
		X509Certificate endEntity = TestKeys.testCa()
			.issue(PLATFORM, BigInteger.TEN, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PlatformCertificateTrust(endEntity, Clock.systemUTC()))
			.withMessageContaining("is not a CA certificate");
	}

	@Test
	void refusesACertificateForAnotherPurposeFromTheSameAnchor() throws Exception {
		// The Tenpay root also issues every merchant's API certificate: key encipherment,
		// client authentication.
		X509Certificate merchantLike = issue("CN=1900000109, OU=Some other merchant, O=Tenpay.com, C=CN", (builder) -> {
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyEncipherment));
			builder.addExtension(Extension.extendedKeyUsage, false,
					new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
		});
		assertThat(this.trust.refusalReason(merchantLike)).hasValue("its key usage does not allow digitalSignature");
	}

	@Test
	void refusesASubordinateCaCertificate() throws Exception {
		X509Certificate subCa = issue("CN=sub CA", (builder) -> {
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
			builder.addExtension(Extension.keyUsage, true,
					new KeyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature));
		});
		assertThat(this.trust.refusalReason(subCa))
			.hasValue("it is a CA certificate (basic constraints CA:TRUE), not a platform certificate");
	}

	@Test
	void refusesTheAnchorItself() {
		assertThat(this.trust.refusalReason(TestKeys.testCa().certificate()))
			.hasValue("it is the trust anchor itself, not a platform certificate");
	}

	@Test
	void acceptsAnEndEntityCertificateWhoseKeyUsageAllowsSigning() throws Exception {
		X509Certificate platform = issue("CN=Tenpay.com sign, O=Tenpay.com, C=CN", (builder) -> {
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.keyUsage, true,
					new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyEncipherment));
		});
		assertThat(this.trust.refusalReason(platform)).isEmpty();
	}

	private static X509Certificate issue(String subject, Extensions extensions) throws Exception {
		CertificateAuthority ca = TestKeys.testCa();
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
				ca.certificate().getSubjectX500Principal(), BigInteger.valueOf(77),
				Date.from(NOW.minus(Duration.ofDays(1))), Date.from(NOW.plus(Duration.ofDays(30))),
				new X500Principal(subject), PLATFORM.getPublic());
		extensions.add(builder);
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.keys().getPrivate())));
	}

	private interface Extensions {

		void add(JcaX509v3CertificateBuilder builder) throws Exception;

	}

	@Test
	void theBuiltInAnchorIsTheRealTenpayRootCa() throws Exception {
		X509Certificate root = PlatformCertificateTrust.tenpayRootCa(Clock.systemUTC()).getAnchor();
		assertThat(HexFormat.of()
			.withUpperCase()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(root.getEncoded())))
			.isEqualTo("B29F8B2513EB2F7C49C07C7C20F4027CA903D071DF72CAA0B2B924EFF43A9452");
		assertThat(root.getSubjectX500Principal().getName())
			.isEqualTo("CN=Tenpay.com Root CA,OU=Tenpay.com CA Center,O=Tenpay.com,C=CN");
		assertThat(root.getSerialNumber().toString(16))
			.isEqualToIgnoringCase("1BD4220E50DBC04B06AD397549846C01C3E8EBD2");
		assertThat(root.getNotAfter().toInstant()).isEqualTo(Instant.parse("2032-08-09T09:15:55Z"));
		assertThat(root.getBasicConstraints()).isZero();
	}

	@Test
	void theBuiltInAnchorRefusesTestCertificates() {
		X509Certificate certificate = TestKeys.certificate(PLATFORM, BigInteger.TEN, Instant.now().minusSeconds(60),
				Instant.now().plus(Duration.ofDays(1)));
		assertThat(PlatformCertificateTrust.tenpayRootCa(Clock.systemUTC()).refusalReason(certificate))
			.hasValueSatisfying((reason) -> assertThat(reason)
				.startsWith("it does not chain to the trust anchor 'CN=Tenpay.com Root CA,OU=Tenpay.com CA Center"));
	}

}
