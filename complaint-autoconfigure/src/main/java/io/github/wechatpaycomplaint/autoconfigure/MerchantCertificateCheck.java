package io.github.wechatpaycomplaint.autoconfigure;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.util.Locale;

/**
 * Checks the optional merchant API certificate (apiclient_cert.pem) against the
 * configured serial number and private key, so that a serial from another certificate, or
 * a key from another certificate, stops startup instead of every request failing with
 * WeChat Pay's {@code SIGN_ERROR}.
 */
final class MerchantCertificateCheck {

	private static final String MERCHANT = ComplaintProperties.PREFIX + ".merchant.";

	private MerchantCertificateCheck() {
	}

	/**
	 * Checks the certificate.
	 * @param certificate the merchant API certificate
	 * @param serial the configured {@code certificate-serial-number}
	 * @param privateKey the configured private key (RSA)
	 * @throws InvalidComplaintPropertyException naming both properties that disagree
	 */
	static void check(X509Certificate certificate, String serial, PrivateKey privateKey) {
		String certificateSerial = wechatPayForm(certificate.getSerialNumber());
		if (!certificate.getSerialNumber().equals(parseHex(serial))) {
			throw new InvalidComplaintPropertyException(MERCHANT + "certificate-serial-number",
					"it is '" + serial + "', but the certificate in '" + MERCHANT + "certificate' has the serial "
							+ certificateSerial,
					"Set '" + MERCHANT + "certificate-serial-number' to " + certificateSerial + " (the serial of "
							+ "apiclient_cert.pem, shown in the merchant platform under API安全), or point '" + MERCHANT
							+ "certificate' at the certificate whose serial you configured.");
		}
		if (!sameKeyPair(certificate.getPublicKey(), privateKey)) {
			throw new InvalidComplaintPropertyException(MERCHANT + "private-key",
					"the private key does not belong to the certificate in '" + MERCHANT + "certificate' (serial "
							+ certificateSerial + "): WeChat Pay would refuse every signature with SIGN_ERROR",
					"Point '" + MERCHANT + "private-key' and '" + MERCHANT + "certificate' at apiclient_key.pem and "
							+ "apiclient_cert.pem of the same merchant API certificate; if the certificate was "
							+ "renewed, update both files and '" + MERCHANT + "certificate-serial-number'.");
		}
	}

	// WeChat Pay prints serials in upper-case hex, whole bytes, with their leading zeros.
	static String wechatPayForm(BigInteger serial) {
		String hex = serial.toString(16).toUpperCase(Locale.ROOT);
		return (hex.length() % 2 == 0) ? hex : "0" + hex;
	}

	private static BigInteger parseHex(String serial) {
		try {
			return new BigInteger(serial.strip(), 16);
		}
		catch (NumberFormatException ex) {
			return BigInteger.valueOf(-1);
		}
	}

	private static boolean sameKeyPair(PublicKey publicKey, PrivateKey privateKey) {
		return publicKey instanceof RSAKey rsaPublic && privateKey instanceof RSAKey rsaPrivate
				&& rsaPublic.getModulus().equals(rsaPrivate.getModulus());
	}

}
