package io.github.wechatpaycomplaint.certificate;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import io.github.wechatpaycomplaint.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A platform certificate is trusted only when it chains to the trust anchor and is within its validity dates on the
 * starter's clock; the built-in anchor is the real Tenpay.com Root CA.
 */
class PlatformCertificateTrustTests {

	private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

	private static final KeyPair PLATFORM = TestKeys.rsa();

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
		TestKeys.TestCa other = TestKeys.TestCa.create("CN=Another CA, O=Test");
		X509Certificate certificate = other.issue(PLATFORM, BigInteger.TEN, NOW.minus(Duration.ofDays(1)),
				NOW.plus(Duration.ofDays(365)));
		assertThat(this.trust.refusalReason(certificate)).hasValueSatisfying(
				(reason) -> assertThat(reason).startsWith("it does not chain to the trust anchor 'CN=Tenpay.com Root CA Test"));
	}

	@Test
	void refusesASelfSignedCertificateNamingTheAnchorAsIssuer() {
		KeyPair forger = TestKeys.rsa();
		X509Certificate certificate = new TestKeys.TestCa(forger, TestKeys.testCa().certificate())
			.issue(PLATFORM, BigInteger.TEN, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
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
		assertThatIllegalArgumentException().isThrownBy(() -> new PlatformCertificateTrust(endEntity, Clock.systemUTC()))
			.withMessageContaining("is not a CA certificate");
	}

	@Test
	void theBuiltInAnchorIsTheRealTenpayRootCa() throws Exception {
		X509Certificate root = PlatformCertificateTrust.tenpayRootCa(Clock.systemUTC()).getAnchor();
		assertThat(HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(root.getEncoded())))
			.isEqualTo("B29F8B2513EB2F7C49C07C7C20F4027CA903D071DF72CAA0B2B924EFF43A9452");
		assertThat(root.getSubjectX500Principal().getName())
			.isEqualTo("CN=Tenpay.com Root CA,OU=Tenpay.com CA Center,O=Tenpay.com,C=CN");
		assertThat(root.getSerialNumber().toString(16)).isEqualToIgnoringCase("1BD4220E50DBC04B06AD397549846C01C3E8EBD2");
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
