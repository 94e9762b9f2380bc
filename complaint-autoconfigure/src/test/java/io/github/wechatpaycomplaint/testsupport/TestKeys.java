package io.github.wechatpaycomplaint.testsupport;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throw-away RSA keys and certificates made in the test, written as PEM like WeChat Pay hands them out.
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

	public static X509Certificate certificate(KeyPair pair, BigInteger serial, Instant notBefore, Instant notAfter) {
		try {
			X500Name name = new X500Name("CN=Tenpay.com Root CA Test, O=Test");
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial, Date.from(notBefore),
					Date.from(notAfter), name, pair.getPublic());
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
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
