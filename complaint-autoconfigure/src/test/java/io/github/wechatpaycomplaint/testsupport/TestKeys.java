package io.github.wechatpaycomplaint.testsupport;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;

import io.github.wechatpaycomplaint.simulator.keys.CertificateAuthority;

/**
 * The tests' shared Tenpay.com Root CA stand-in, made once per JVM. Keys, certificates
 * and PEM come from the simulator ({@code RsaKeyPairs}, {@link CertificateAuthority},
 * {@code PemText}), the one implementation the starter's tests, the simulator and the
 * test kit share; this class only names the shared CA.
 */
public final class TestKeys {

	private static final CertificateAuthority TEST_CA = CertificateAuthority
		.create("CN=Tenpay.com Root CA Test, O=Test");

	private TestKeys() {
	}

	/**
	 * A platform certificate issued by the {@link #testCa() test CA}, as WeChat Pay's are
	 * issued by the Tenpay.com Root CA.
	 */
	public static X509Certificate certificate(KeyPair pair, BigInteger serial, Instant notBefore, Instant notAfter) {
		return TEST_CA.issue(pair, serial, notBefore, notAfter);
	}

	/** The CA that issues the test platform certificates: set it as the trust anchor. */
	public static CertificateAuthority testCa() {
		return TEST_CA;
	}

	/**
	 * The test CA's certificate as PEM, for {@code platform-certificates.trust-anchor}.
	 */
	public static String testCaPem() {
		return TEST_CA.certificatePem();
	}

	/** The trust-anchor property for the test CA. */
	public static String trustAnchorProperty() {
		return "wechatpay.complaint.platform-certificates.trust-anchor=" + testCaPem();
	}

}
