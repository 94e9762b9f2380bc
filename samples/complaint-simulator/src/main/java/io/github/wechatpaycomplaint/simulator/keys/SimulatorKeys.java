package io.github.wechatpaycomplaint.simulator.keys;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Every key of a simulated merchant and of the simulated WeChat Pay, made fresh: the
 * merchant API key pair and its certificate serial, the WeChat Pay public key pair and
 * its {@code PUB_KEY_ID_…}, a platform certificate for certificate mode issued by a
 * throw-away CA (the stand-in for the Tenpay.com Root CA, which applications set as
 * {@code platform-certificates.trust-anchor}), and a random 32-character APIv3 key.
 *
 * @param merchantId the merchant id ({@code mchid})
 * @param merchantSerial the serial number of the merchant API certificate
 * @param merchantKeys the merchant API key pair
 * @param publicKeyId the WeChat Pay public key id
 * @param wechatpayKeys the WeChat Pay public key pair
 * @param platformCertificate the WeChat Pay platform certificate
 * @param platformKeys the key pair of the platform certificate
 * @param apiV3Key the APIv3 key
 * @param platformCaCertificate the CA certificate that issued the platform certificate
 * @since 0.1.0
 */
public record SimulatorKeys(String merchantId, String merchantSerial, KeyPair merchantKeys, String publicKeyId,
		KeyPair wechatpayKeys, X509Certificate platformCertificate, KeyPair platformKeys, String apiV3Key,
		X509Certificate platformCaCertificate) {

	/** The merchant id the simulator uses unless told otherwise. */
	public static final String DEFAULT_MERCHANT_ID = "1900000001";

	private static final String API_V3_KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	/**
	 * Generates a complete, consistent key set (four 2048-bit RSA key pairs: takes a
	 * moment).
	 * @param merchantId the merchant id
	 * @return the keys
	 */
	public static SimulatorKeys generate(String merchantId) {
		SecureRandom random = new SecureRandom();
		KeyPair platformKeys = RsaKeyPairs.generate();
		CertificateAuthority ca = CertificateAuthority
			.create("CN=Tenpay.com Root CA (simulator), O=WeChat Pay complaint simulator");
		Instant now = Instant.now();
		X509Certificate platformCertificate = ca.issue(platformKeys, new BigInteger(hex(random, 20), 16),
				now.minus(1, ChronoUnit.DAYS), now.plus(5 * 365, ChronoUnit.DAYS));
		return new SimulatorKeys(merchantId, hex(random, 20), RsaKeyPairs.generate(),
				"PUB_KEY_ID_01" + digits(random, 30), RsaKeyPairs.generate(), platformCertificate, platformKeys,
				apiV3Key(random), ca.certificate());
	}

	/**
	 * The serial number of the platform certificate as WeChat Pay writes it: upper-case
	 * hex.
	 * @return the serial
	 */
	public String platformCertificateSerial() {
		return this.platformCertificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
	}

	/**
	 * The key that signs in public-key mode.
	 * @return the WeChat Pay public key's signing key
	 */
	public WechatPaySigningKey publicKeySigner() {
		return new WechatPaySigningKey(this.publicKeyId, this.wechatpayKeys.getPrivate());
	}

	/**
	 * The key that signs in certificate mode.
	 * @return the platform certificate's signing key
	 */
	public WechatPaySigningKey platformCertificateSigner() {
		return new WechatPaySigningKey(platformCertificateSerial(), this.platformKeys.getPrivate());
	}

	/**
	 * The merchant API private key as PEM ({@code apiclient_key.pem}).
	 * @return PKCS#8 PEM text
	 */
	public String merchantPrivateKeyPem() {
		return PemText.privateKey(this.merchantKeys.getPrivate());
	}

	/**
	 * The CA certificate that issued the platform certificate as PEM, for
	 * {@code wechatpay.complaint.platform-certificates.trust-anchor}.
	 * @return PEM text
	 */
	public String platformCaCertificatePem() {
		return PemText.write(this.platformCaCertificate);
	}

	/**
	 * The WeChat Pay public key as PEM ({@code pub_key.pem}).
	 * @return PEM text
	 */
	public String wechatpayPublicKeyPem() {
		return PemText.write(this.wechatpayKeys.getPublic());
	}

	@Override
	public String toString() {
		return "SimulatorKeys[merchantId=" + this.merchantId + ", merchantSerial=" + this.merchantSerial
				+ ", publicKeyId=" + this.publicKeyId + ", platformCertificate=" + platformCertificateSerial()
				+ ", keys=******]";
	}

	private static String hex(SecureRandom random, int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		value[0] = (byte) (value[0] | 0x10); // no leading zero: the serial keeps its
												// length as a number
		value[0] = (byte) (value[0] & 0x7F); // positive
		return HexFormat.of().withUpperCase().formatHex(value);
	}

	private static String digits(SecureRandom random, int count) {
		StringBuilder text = new StringBuilder(count);
		for (int i = 0; i < count; i++) {
			text.append(random.nextInt(10));
		}
		return text.toString();
	}

	private static String apiV3Key(SecureRandom random) {
		StringBuilder key = new StringBuilder(32);
		for (int i = 0; i < 32; i++) {
			key.append(API_V3_KEY_ALPHABET.charAt(random.nextInt(API_V3_KEY_ALPHABET.length())));
		}
		return key.toString();
	}

}
