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

	private final String merchantPrefix;

	private final String publicKeyPrefix;

	private final KeyMaterialLoader loader;

	MerchantKeyFactory(ResourceLoader resourceLoader) {
		this(resourceLoader, ComplaintProperties.PREFIX);
	}

	/**
	 * Creates a factory whose errors name the properties under a prefix.
	 * @param resourceLoader loads key files
	 * @param prefix {@code wechatpay.complaint} or
	 * {@code wechatpay.complaint.merchants.<name>}
	 */
	MerchantKeyFactory(ResourceLoader resourceLoader, String prefix) {
		this.loader = new KeyMaterialLoader(resourceLoader);
		this.merchantPrefix = prefix + ".merchant.";
		this.publicKeyPrefix = prefix + ".wechatpay-public-key.";
	}

	WechatPayMerchant merchant(ComplaintProperties.Merchant properties) {
		String id = required(properties.getId(), this.merchantPrefix + "id",
				"the merchant id (mchid), e.g. \"1900000001\"");
		String serial = required(properties.getCertificateSerialNumber(),
				this.merchantPrefix + "certificate-serial-number",
				"the serial number of the merchant API certificate (商户API证书序列号)");
		String apiV3Key = apiV3Key(properties);
		String privateKeyProperty = this.merchantPrefix + "private-key";
		String pem = privateKeyPem(properties);
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
		String certificate = optional(properties.getCertificate(), this.merchantPrefix + "certificate");
		if (certificate != null) {
			MerchantCertificateCheck.check(merchantCertificate(certificate), serial, privateKey);
		}
		return new WechatPayMerchant(id, serial, privateKey, apiV3Key);
	}

	/**
	 * Checks what can be checked without parsing a key, cheaply enough for a thousand
	 * merchants at startup: every required key is set, the APIv3 key has 32 bytes, the
	 * private key can be read and is labelled as one, and a WeChat Pay public key has
	 * both id and key.
	 * @param merchant the merchant's keys
	 * @param publicKey the WeChat Pay public key
	 * @throws InvalidComplaintPropertyException naming the property and the fix
	 */
	void checkWithoutParsing(ComplaintProperties.Merchant merchant, ComplaintProperties.WechatpayPublicKey publicKey) {
		required(merchant.getId(), this.merchantPrefix + "id", "the merchant id (mchid), e.g. \"1900000001\"");
		required(merchant.getCertificateSerialNumber(), this.merchantPrefix + "certificate-serial-number",
				"the serial number of the merchant API certificate (商户API证书序列号)");
		apiV3Key(merchant);
		String privateKeyProperty = this.merchantPrefix + "private-key";
		if (!privateKeyPem(merchant).contains("PRIVATE KEY-----")) {
			throw new InvalidComplaintPropertyException(privateKeyProperty, "it is not a PEM private key", "Point '"
					+ privateKeyProperty + "' at apiclient_key.pem from the merchant API certificate "
					+ "(PKCS#8 'BEGIN PRIVATE KEY' or PKCS#1 'BEGIN RSA PRIVATE KEY'), not at the certificate.");
		}
		String id = optional(publicKey.getId(), this.publicKeyPrefix + "id");
		String key = optional(publicKey.getKey(), this.publicKeyPrefix + "key");
		if ((id == null) != (key == null)) {
			throw new InvalidComplaintPropertyException(this.publicKeyPrefix + ((id == null) ? "id" : "key"),
					"only one of '" + this.publicKeyPrefix + "id' and '" + this.publicKeyPrefix + "key' is set",
					"Set both: the public key id (PUB_KEY_ID_...) and the downloaded pub_key.pem.");
		}
	}

	private String apiV3Key(ComplaintProperties.Merchant properties) {
		String apiV3Key = required(properties.getApiV3Key(), this.merchantPrefix + "api-v3-key",
				"the APIv3 key set in the merchant platform (APIv3密钥)");
		int length = apiV3Key.getBytes(StandardCharsets.UTF_8).length;
		if (length != ApiV3KeyCipher.KEY_LENGTH) {
			throw new InvalidComplaintPropertyException(this.merchantPrefix + "api-v3-key",
					"the APIv3 key must be exactly 32 bytes but is " + length + " bytes long",
					"Copy the 32-character APIv3 key (APIv3密钥) from the merchant platform (账户中心 > API安全); it is not "
							+ "the APIv2 key nor the certificate serial number.");
		}
		return apiV3Key;
	}

	private String privateKeyPem(ComplaintProperties.Merchant properties) {
		String privateKeyProperty = this.merchantPrefix + "private-key";
		return this.loader.readPem(required(properties.getPrivateKey(), privateKeyProperty,
				"the merchant API private key (apiclient_key.pem)"), privateKeyProperty, "PRIVATE KEY", true);
	}

	private X509Certificate merchantCertificate(String value) {
		String property = this.merchantPrefix + "certificate";
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
		String id = optional(properties.getId(), this.publicKeyPrefix + "id");
		String key = optional(properties.getKey(), this.publicKeyPrefix + "key");
		if (id == null && key == null) {
			return null;
		}
		if (id == null) {
			throw new InvalidComplaintPropertyException(this.publicKeyPrefix + "id",
					"a WeChat Pay public key is set but not its id",
					"Set '" + this.publicKeyPrefix
							+ "id' to the public key id shown beside the key in the merchant platform, "
							+ "e.g. PUB_KEY_ID_0114232134912410000000000000.");
		}
		if (key == null) {
			throw new InvalidComplaintPropertyException(this.publicKeyPrefix + "key",
					"the WeChat Pay public key id '" + id + "' is set but not the key itself",
					"Set '" + this.publicKeyPrefix
							+ "key' to the downloaded pub_key.pem, e.g. classpath:pub_key.pem or "
							+ "file:/etc/wechatpay/pub_key.pem, or to its PEM text.");
		}
		if (!id.startsWith(WechatPayPublicKey.ID_PREFIX)) {
			logger.warn("Property '" + this.publicKeyPrefix + "id' does not start with " + WechatPayPublicKey.ID_PREFIX
					+ ": WeChat Pay signatures naming this key will only verify if the id is exactly as shown in the "
					+ "merchant platform");
		}
		String pem = this.loader.readPem(key, this.publicKeyPrefix + "key", "PUBLIC KEY", false);
		PublicKey publicKey;
		try {
			publicKey = PemKeys.publicKey(pem);
		}
		catch (InvalidKeyMaterialException ex) {
			throw new InvalidComplaintPropertyException(this.publicKeyPrefix + "key", ex.getMessage(), "Point '"
					+ this.publicKeyPrefix + "key' at the WeChat Pay public key (pub_key.pem, 'BEGIN PUBLIC KEY').",
					ex);
		}
		return new WechatPayPublicKey(id, publicKey);
	}

	private static String required(@Nullable String value, String property, String what) {
		String text = blankToNull(value);
		if (text == null) {
			throw new InvalidComplaintPropertyException(property, "it is not set",
					"Set '" + property + "' to " + what
							+ ((property.equals(ComplaintProperties.PREFIX + ".merchant.id"))
									? " (or configure merchants under 'wechatpay.complaint.merchants.<name>.*')" : "")
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
