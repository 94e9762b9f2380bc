package io.github.wechatpaycomplaint.testsupport;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throw-away RSA keys and certificates made in the test, written as PEM like WeChat Pay
 * hands them out.
 */
public final class TestKeys {

	private TestKeys() {
	}

	public static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** PKCS#8 ("BEGIN PRIVATE KEY"). */
	public static String privateKeyPem(KeyPair pair) {
		try {
			return pem(new JcaPKCS8Generator(pair.getPrivate(), null).generate());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** PKCS#1 ("BEGIN RSA PRIVATE KEY"). */
	public static String pkcs1PrivateKeyPem(KeyPair pair) {
		return pem(pair);
	}

	/** X.509 SubjectPublicKeyInfo ("BEGIN PUBLIC KEY"). */
	public static String publicKeyPem(KeyPair pair) {
		return pem(pair.getPublic());
	}

	/**
	 * A platform certificate issued by the {@link #testCa() test CA}, as WeChat Pay's are
	 * issued by the Tenpay.com Root CA.
	 */
	public static X509Certificate certificate(KeyPair pair, BigInteger serial, Instant notBefore, Instant notAfter) {
		return TestCa.INSTANCE.issue(pair, serial, notBefore, notAfter);
	}

	/** The CA that issues the test platform certificates: set it as the trust anchor. */
	public static TestCa testCa() {
		return TestCa.INSTANCE;
	}

	/**
	 * The test CA's certificate as PEM, for {@code platform-certificates.trust-anchor}.
	 */
	public static String testCaPem() {
		return pem(TestCa.INSTANCE.certificate());
	}

	/** The trust-anchor property for the test CA. */
	public static String trustAnchorProperty() {
		return "wechatpay.complaint.platform-certificates.trust-anchor=" + testCaPem();
	}

	/**
	 * A certificate authority made in the test.
	 *
	 * @param keys the CA's key pair
	 * @param certificate the CA's self-signed certificate
	 */
	public record TestCa(KeyPair keys, X509Certificate certificate) {

		static final TestCa INSTANCE = create("CN=Tenpay.com Root CA Test, O=Test");

		/** A new self-signed CA certificate (CA:TRUE, keyCertSign). */
		public static TestCa create(String name) {
			KeyPair keys = rsa();
			X500Name subject = X500Name.getInstance(new X500Principal(name).getEncoded());
			Instant now = Instant.now();
			try {
				JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
						Date.from(now.minus(Duration.ofDays(3650))), Date.from(now.plus(Duration.ofDays(3650))),
						subject, keys.getPublic());
				builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
				builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
				return new TestCa(keys, new JcaX509CertificateConverter().getCertificate(
						builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()))));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** An end-entity certificate for a key pair, issued by this CA. */
		public X509Certificate issue(KeyPair pair, BigInteger serial, Instant notBefore, Instant notAfter) {
			try {
				JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
						this.certificate.getSubjectX500Principal(), serial, Date.from(notBefore), Date.from(notAfter),
						new X500Principal("CN=Tenpay.com platform certificate (test), O=Test"), pair.getPublic());
				return new JcaX509CertificateConverter().getCertificate(
						builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(this.keys.getPrivate())));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	public static String pem(Object object) {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			writer.writeObject(object);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

}
