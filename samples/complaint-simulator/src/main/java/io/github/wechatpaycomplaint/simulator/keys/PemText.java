package io.github.wechatpaycomplaint.simulator.keys;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;

/**
 * Writes keys and certificates as PEM text, the way WeChat Pay hands them out.
 *
 * @since 0.1.0
 */
public final class PemText {

	private PemText() {
	}

	/**
	 * A private key in PKCS#8 form ({@code BEGIN PRIVATE KEY}), like
	 * {@code apiclient_key.pem}.
	 * @param key the key
	 * @return the PEM text
	 */
	public static String privateKey(PrivateKey key) {
		try {
			return write(new JcaPKCS8Generator(key, null).generate());
		}
		catch (PemGenerationException ex) {
			throw new IllegalStateException("The private key cannot be written as PKCS#8", ex);
		}
	}

	/**
	 * A public key ({@code BEGIN PUBLIC KEY}), a certificate ({@code BEGIN CERTIFICATE})
	 * or an RSA key pair's private key in PKCS#1 form ({@code BEGIN RSA PRIVATE KEY}).
	 * @param object a {@link java.security.PublicKey}, an
	 * {@link java.security.cert.X509Certificate} or a {@link java.security.KeyPair}
	 * @return the PEM text
	 */
	public static String write(Object object) {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			writer.writeObject(object);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

}
