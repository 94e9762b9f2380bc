package io.github.wechatpaycomplaint.simulator.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority, the stand-in for the Tenpay.com Root CA: it issues
 * platform certificates directly (path length 0), and applications set its certificate as
 * {@code platform-certificates.trust-anchor}.
 *
 * @param keys the CA's key pair
 * @param certificate the CA's self-signed certificate (or, to forge, another CA's
 * certificate next to a key that is not its own)
 * @since 0.1.0
 */
public record CertificateAuthority(KeyPair keys, X509Certificate certificate) {

	private static final X500Principal PLATFORM_SUBJECT = new X500Principal(
			"CN=Tenpay.com platform certificate (simulator), O=WeChat Pay complaint simulator");

	/**
	 * A new CA with a fresh key pair and a self-signed certificate (CA:TRUE, path length
	 * 0, keyCertSign and cRLSign), valid ten years either side of now so that tests may
	 * move their clocks.
	 * @param name the CA's distinguished name, e.g. {@code CN=Tenpay.com Root CA Test}
	 * @return the CA
	 */
	public static CertificateAuthority create(String name) {
		KeyPair keys = RsaKeyPairs.generate();
		X500Name subject = X500Name.getInstance(new X500Principal(name).getEncoded());
		Instant now = Instant.now();
		try {
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
					Date.from(now.minus(3650, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)), subject,
					keys.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			return new CertificateAuthority(keys, sign(builder, keys));
		}
		catch (CertIOException ex) {
			throw new IllegalStateException("The CA certificate cannot be made", ex);
		}
	}

	/**
	 * Issues a platform certificate for a key pair.
	 * @param pair the certified key pair
	 * @param serial the serial number ({@code Wechatpay-Serial} in certificate mode)
	 * @param notBefore start of validity
	 * @param notAfter end of validity
	 * @return the certificate, signed with this CA's key
	 */
	public X509Certificate issue(KeyPair pair, BigInteger serial, Instant notBefore, Instant notAfter) {
		return sign(new JcaX509v3CertificateBuilder(this.certificate.getSubjectX500Principal(), serial,
				Date.from(notBefore), Date.from(notAfter), PLATFORM_SUBJECT, pair.getPublic()), this.keys);
	}

	/**
	 * The CA certificate as PEM, for {@code platform-certificates.trust-anchor}.
	 * @return PEM text
	 */
	public String certificatePem() {
		return PemText.write(this.certificate);
	}

	@Override
	public String toString() {
		return "CertificateAuthority[" + this.certificate.getSubjectX500Principal() + ", keys=******]";
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) {
		try {
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("The certificate cannot be made", ex);
		}
	}

}
