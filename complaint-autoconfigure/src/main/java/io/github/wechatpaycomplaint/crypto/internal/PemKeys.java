package io.github.wechatpaycomplaint.crypto.internal;

import io.github.wechatpaycomplaint.crypto.InvalidKeyMaterialException;
import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Parses PEM keys and certificates with Bouncy Castle: PKCS#8 ({@code BEGIN PRIVATE KEY})
 * and PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) private keys, X.509 public keys and
 * certificates.
 *
 * <p>
 * Error messages say which kind of PEM was expected and what was found; they never echo
 * the input.
 *
 * @since 0.1.0
 */
public final class PemKeys {

	private static final JcaPEMKeyConverter KEY_CONVERTER = new JcaPEMKeyConverter();

	private PemKeys() {
	}

	/**
	 * Reads an RSA private key in PKCS#8 or PKCS#1 PEM form.
	 * @param pem the PEM text
	 * @return the private key
	 * @throws InvalidKeyMaterialException if the text holds no private key
	 */
	public static PrivateKey privateKey(String pem) {
		Object object = readSingleObject(pem, "a private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)");
		try {
			if (object instanceof PrivateKeyInfo info) {
				return KEY_CONVERTER.getPrivateKey(info);
			}
			if (object instanceof PEMKeyPair pair) {
				return KEY_CONVERTER.getKeyPair(pair).getPrivate();
			}
		}
		catch (IOException ex) {
			throw new InvalidKeyMaterialException("The private key PEM could not be converted to a key", ex);
		}
		throw new InvalidKeyMaterialException(
				"Expected a private key PEM (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY) but found " + describe(object)
						+ "; an encrypted private key is not supported, decrypt it first");
	}

	/**
	 * Reads a public key in X.509 SubjectPublicKeyInfo PEM form
	 * ({@code BEGIN PUBLIC KEY}), as WeChat Pay hands out its public key.
	 * @param pem the PEM text
	 * @return the public key
	 * @throws InvalidKeyMaterialException if the text holds no public key
	 */
	public static PublicKey publicKey(String pem) {
		Object object = readSingleObject(pem, "a public key (BEGIN PUBLIC KEY)");
		try {
			if (object instanceof SubjectPublicKeyInfo info) {
				return KEY_CONVERTER.getPublicKey(info);
			}
			if (object instanceof X509CertificateHolder holder) {
				return KEY_CONVERTER.getPublicKey(holder.getSubjectPublicKeyInfo());
			}
		}
		catch (IOException ex) {
			throw new InvalidKeyMaterialException("The public key PEM could not be converted to a key", ex);
		}
		throw new InvalidKeyMaterialException(
				"Expected a public key PEM (BEGIN PUBLIC KEY) but found " + describe(object));
	}

	/**
	 * Reads an X.509 certificate in PEM form ({@code BEGIN CERTIFICATE}).
	 * @param pem the PEM text
	 * @return the certificate
	 * @throws InvalidKeyMaterialException if the text holds no certificate
	 */
	public static X509Certificate certificate(String pem) {
		Object object = readSingleObject(pem, "a certificate (BEGIN CERTIFICATE)");
		if (object instanceof X509CertificateHolder holder) {
			try {
				return new JcaX509CertificateConverter().getCertificate(holder);
			}
			catch (CertificateException ex) {
				throw new InvalidKeyMaterialException("The certificate PEM could not be converted", ex);
			}
		}
		throw new InvalidKeyMaterialException(
				"Expected a certificate PEM (BEGIN CERTIFICATE) but found " + describe(object));
	}

	private static Object readSingleObject(String pem, String expected) {
		if (pem == null || pem.isBlank()) {
			throw new InvalidKeyMaterialException("Expected " + expected + " but the text is empty");
		}
		try (PEMParser parser = new PEMParser(new StringReader(pem.strip()))) {
			Object object = parser.readObject();
			if (object == null) {
				throw new InvalidKeyMaterialException(
						"Expected " + expected + " but found no PEM block (no -----BEGIN ...----- line)");
			}
			return object;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidKeyMaterialException invalid) {
				throw invalid;
			}
			// Bouncy Castle's messages describe the structure, not the key bytes.
			throw new InvalidKeyMaterialException(
					"Expected " + expected + " but the PEM is malformed: " + ex.getClass().getSimpleName(), ex);
		}
	}

	private static String describe(Object object) {
		return object.getClass().getSimpleName();
	}

}
