package io.github.wechatpaycomplaint.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;

import io.github.wechatpaycomplaint.crypto.InvalidKeyMaterialException;
import io.github.wechatpaycomplaint.crypto.internal.ApiV3KeyCipher;
import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.merchant.WechatPayPublicKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ResourceLoader;

/**
 * Builds the merchant and the WeChat Pay public key from {@link ComplaintProperties}, and
 * turns every problem into an {@link InvalidComplaintPropertyException} that names the
 * property and the fix. Kept apart from the properties so that a later multi-merchant
 * configuration can build each merchant the same way.
 */
final class MerchantKeyFactory {

	private static final Log logger = LogFactory.getLog(MerchantKeyFactory.class);

	private static final String MERCHANT = ComplaintProperties.PREFIX + ".merchant.";

	private static final String PUBLIC_KEY = ComplaintProperties.PREFIX + ".wechatpay-public-key.";

	private final KeyMaterialLoader loader;

	MerchantKeyFactory(ResourceLoader resourceLoader) {
		this.loader = new KeyMaterialLoader(resourceLoader);
	}

	WechatPayMerchant merchant(ComplaintProperties.Merchant properties) {
		String id = required(properties.getId(), MERCHANT + "id", "the merchant id (mchid), e.g. \"1900000001\"");
		String serial = required(properties.getCertificateSerialNumber(), MERCHANT + "certificate-serial-number",
				"the serial number of the merchant API certificate (商户API证书序列号)");
		String apiV3Key = required(properties.getApiV3Key(), MERCHANT + "api-v3-key",
				"the APIv3 key set in the merchant platform (APIv3密钥)");
		int length = apiV3Key.getBytes(StandardCharsets.UTF_8).length;
		if (length != ApiV3KeyCipher.KEY_LENGTH) {
			throw new InvalidComplaintPropertyException(MERCHANT + "api-v3-key",
					"the APIv3 key must be exactly 32 bytes but is " + length + " bytes long",
					"Copy the 32-character APIv3 key (APIv3密钥) from the merchant platform (账户中心 > API安全); it is not "
							+ "the APIv2 key nor the certificate serial number.");
		}
		String privateKeyProperty = MERCHANT + "private-key";
		String pem = this.loader.readPem(required(properties.getPrivateKey(), privateKeyProperty,
				"the merchant API private key (apiclient_key.pem)"), privateKeyProperty, "PRIVATE KEY", true);
		PrivateKey privateKey;
		try {
			privateKey = PemKeys.privateKey(pem);
		}
		catch (InvalidKeyMaterialException ex) {
			throw new InvalidComplaintPropertyException(privateKeyProperty, ex.getMessage(),
					"Point '" + privateKeyProperty + "' at apiclient_key.pem from the merchant API certificate "
							+ "(PKCS#8 'BEGIN PRIVATE KEY' or PKCS#1 'BEGIN RSA PRIVATE KEY'), not at the certificate.",
					ex);
		}
		if (!"RSA".equals(privateKey.getAlgorithm())) {
			throw new InvalidComplaintPropertyException(privateKeyProperty,
					"the private key is a " + privateKey.getAlgorithm() + " key, but WeChat Pay APIv3 needs RSA",
					"Use the RSA apiclient_key.pem of the merchant API certificate.");
		}
		String certificate = optional(properties.getCertificate(), MERCHANT + "certificate");
		if (certificate != null) {
			MerchantCertificateCheck.check(merchantCertificate(certificate), serial, privateKey);
		}
		return new WechatPayMerchant(id, serial, privateKey, apiV3Key);
	}

	private X509Certificate merchantCertificate(String value) {
		String property = MERCHANT + "certificate";
		String pem = this.loader.readPem(value, property, "CERTIFICATE", false);
		try {
			return PemKeys.certificate(pem);
		}
		catch (InvalidKeyMaterialException ex) {
			throw new InvalidComplaintPropertyException(property, ex.getMessage(),
					"Point '" + property + "' at apiclient_cert.pem of the merchant API certificate ('BEGIN "
							+ "CERTIFICATE'), or remove it: it is optional and only checked against the serial and the "
							+ "private key.",
					ex);
		}
	}

	@Nullable WechatPayPublicKey publicKey(ComplaintProperties.WechatpayPublicKey properties) {
		String id = optional(properties.getId(), PUBLIC_KEY + "id");
		String key = optional(properties.getKey(), PUBLIC_KEY + "key");
		if (id == null && key == null) {
			return null;
		}
		if (id == null) {
			throw new InvalidComplaintPropertyException(PUBLIC_KEY + "id",
					"a WeChat Pay public key is set but not its id",
					"Set '" + PUBLIC_KEY + "id' to the public key id shown beside the key in the merchant platform, "
							+ "e.g. PUB_KEY_ID_0114232134912410000000000000.");
		}
		if (key == null) {
			throw new InvalidComplaintPropertyException(PUBLIC_KEY + "key",
					"the WeChat Pay public key id '" + id + "' is set but not the key itself",
					"Set '" + PUBLIC_KEY + "key' to the downloaded pub_key.pem, e.g. classpath:pub_key.pem or "
							+ "file:/etc/wechatpay/pub_key.pem, or to its PEM text.");
		}
		if (!id.startsWith(WechatPayPublicKey.ID_PREFIX)) {
			logger.warn("Property '" + PUBLIC_KEY + "id' does not start with " + WechatPayPublicKey.ID_PREFIX
					+ ": WeChat Pay signatures naming this key will only verify if the id is exactly as shown in the "
					+ "merchant platform");
		}
		String pem = this.loader.readPem(key, PUBLIC_KEY + "key", "PUBLIC KEY", false);
		PublicKey publicKey;
		try {
			publicKey = PemKeys.publicKey(pem);
		}
		catch (InvalidKeyMaterialException ex) {
			throw new InvalidComplaintPropertyException(PUBLIC_KEY + "key", ex.getMessage(),
					"Point '" + PUBLIC_KEY + "key' at the WeChat Pay public key (pub_key.pem, 'BEGIN PUBLIC KEY').",
					ex);
		}
		return new WechatPayPublicKey(id, publicKey);
	}

	private static String required(@Nullable String value, String property, String what) {
		String text = blankToNull(value);
		if (text == null) {
			throw new InvalidComplaintPropertyException(property, "it is not set", "Set '" + property + "' to " + what
					+ ", or set 'wechatpay.complaint.enabled=false' to switch " + "the starter off.");
		}
		UnresolvedPlaceholderCheck.check(text, property);
		return text;
	}

	private static @Nullable String optional(@Nullable String value, String property) {
		String text = blankToNull(value);
		if (text != null) {
			UnresolvedPlaceholderCheck.check(text, property);
		}
		return text;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
