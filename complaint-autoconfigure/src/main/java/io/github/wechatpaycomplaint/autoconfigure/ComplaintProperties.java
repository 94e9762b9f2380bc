package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the WeChat Pay complaint starter, under {@code wechatpay.complaint}:
 * whether it is enabled, the merchant's keys and the keys that verify WeChat Pay's
 * signatures. Each feature has its own class under this prefix:
 * {@link ComplaintClientProperties}, {@link ComplaintNotificationProperties},
 * {@link NotificationDeduplicationProperties},
 * {@link NotificationRegistrationProperties}, {@link ComplaintReconciliationProperties}
 * and {@link ComplaintHealthProperties}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(ComplaintProperties.PREFIX)
@Validated
public class ComplaintProperties implements InitializingBean, Validator {

	/** Prefix of every property of the starter. */
	public static final String PREFIX = "wechatpay.complaint";

	/**
	 * Whether to enable the WeChat Pay complaint starter.
	 */
	private boolean enabled = true;

	@Valid
	private final Merchant merchant = new Merchant();

	@Valid
	private final WechatpayPublicKey wechatpayPublicKey = new WechatpayPublicKey();

	@Valid
	private final PlatformCertificates platformCertificates = new PlatformCertificates();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Merchant getMerchant() {
		return this.merchant;
	}

	public WechatpayPublicKey getWechatpayPublicKey() {
		return this.wechatpayPublicKey;
	}

	public PlatformCertificates getPlatformCertificates() {
		return this.platformCertificates;
	}

	/**
	 * Refuses durations that bind but cannot work, naming the property and the fix.
	 * @throws InvalidComplaintPropertyException for the first such duration
	 */
	@Override
	public void afterPropertiesSet() {
		ComplaintDurationChecks.checkSigns(this, PREFIX);
	}

	@Override
	public boolean supports(Class<?> type) {
		return ComplaintProperties.class.isAssignableFrom(type);
	}

	/**
	 * A {@code merchant} block that is partly filled names each missing key. Nothing set
	 * at all is left to the merchant beans: the merchants may then come from
	 * {@code wechatpay.complaint.merchants.*} or an application's own source.
	 */
	@Override
	public void validate(Object target, Errors errors) {
		Merchant merchant = ((ComplaintProperties) target).getMerchant();
		if (!merchant.isEmpty()) {
			merchant.rejectMissing(errors, "merchant.");
		}
	}

	/**
	 * The merchant (or service provider) whose keys sign requests and decrypt
	 * notifications.
	 */
	public static class Merchant {

		/**
		 * Merchant id (mchid) of the merchant or service provider.
		 */
		private @Nullable String id;

		/**
		 * Serial number of the merchant API certificate (商户API证书序列号), shown in the
		 * merchant platform.
		 */
		private @Nullable String certificateSerialNumber;

		/**
		 * Merchant API private key (apiclient_key.pem): a resource location such as
		 * 'file:/etc/wechatpay/apiclient_key.pem' or 'classpath:apiclient_key.pem', or
		 * the PEM text itself (PKCS#8 or PKCS#1).
		 */
		private @Nullable String privateKey;

		/**
		 * Merchant API certificate (apiclient_cert.pem), optional: a resource location
		 * such as 'file:/etc/wechatpay/apiclient_cert.pem' or
		 * 'classpath:apiclient_cert.pem', or the PEM text itself. When set, startup
		 * checks that its serial is certificate-serial-number and that it holds the
		 * private key's public key.
		 */
		private @Nullable String certificate;

		/**
		 * APIv3 key set in the merchant platform (exactly 32 bytes); decrypts
		 * notifications and platform certificates.
		 */
		private @Nullable String apiV3Key;

		public @Nullable String getId() {
			return this.id;
		}

		public void setId(@Nullable String id) {
			this.id = id;
		}

		public @Nullable String getCertificateSerialNumber() {
			return this.certificateSerialNumber;
		}

		public void setCertificateSerialNumber(@Nullable String certificateSerialNumber) {
			this.certificateSerialNumber = certificateSerialNumber;
		}

		public @Nullable String getPrivateKey() {
			return this.privateKey;
		}

		public void setPrivateKey(@Nullable String privateKey) {
			this.privateKey = privateKey;
		}

		public @Nullable String getCertificate() {
			return this.certificate;
		}

		public void setCertificate(@Nullable String certificate) {
			this.certificate = certificate;
		}

		public @Nullable String getApiV3Key() {
			return this.apiV3Key;
		}

		public void setApiV3Key(@Nullable String apiV3Key) {
			this.apiV3Key = apiV3Key;
		}

		boolean isEmpty() {
			return isBlank(this.id) && isBlank(this.certificateSerialNumber) && isBlank(this.privateKey)
					&& isBlank(this.certificate) && isBlank(this.apiV3Key);
		}

		/**
		 * Rejects each required key that is not set, with the message that says what to
		 * set it to.
		 * @param errors the errors
		 * @param path the bean path of this block, e.g. {@code merchant.}
		 */
		void rejectMissing(Errors errors, String path) {
			reject(errors, this.id, path + "id", "must be set to the merchant id (mchid), e.g. \"1900000001\"");
			reject(errors, this.certificateSerialNumber, path + "certificateSerialNumber",
					"must be set to the serial number of the merchant API certificate");
			reject(errors, this.privateKey, path + "privateKey",
					"must be set to the merchant API private key: a resource such as file:/path/apiclient_key.pem, "
							+ "or the PEM text");
			reject(errors, this.apiV3Key, path + "apiV3Key",
					"must be set to the 32-byte APIv3 key from the merchant platform");
		}

		private static void reject(Errors errors, @Nullable String value, String field, String message) {
			if (isBlank(value)) {
				errors.rejectValue(field, "NotBlank", message);
			}
		}

		private static boolean isBlank(@Nullable String value) {
			return value == null || value.isBlank();
		}

		@Override
		public String toString() {
			return "Merchant[id=" + this.id + ", certificateSerialNumber=" + this.certificateSerialNumber
					+ ", privateKey=******, apiV3Key=******]";
		}

	}

	/**
	 * The WeChat Pay public key (public-key mode, 微信支付公钥).
	 */
	public static class WechatpayPublicKey {

		/**
		 * Id of the WeChat Pay public key, e.g.
		 * 'PUB_KEY_ID_0114232134912410000000000000'. Sent as Wechatpay-Serial on every
		 * request.
		 */
		private @Nullable String id;

		/**
		 * WeChat Pay public key (pub_key.pem): a resource location such as
		 * 'classpath:pub_key.pem', or the PEM text itself.
		 */
		private @Nullable String key;

		public @Nullable String getId() {
			return this.id;
		}

		public void setId(@Nullable String id) {
			this.id = id;
		}

		public @Nullable String getKey() {
			return this.key;
		}

		public void setKey(@Nullable String key) {
			this.key = key;
		}

	}

	/**
	 * WeChat Pay platform certificates (certificate mode, 平台证书).
	 */
	public static class PlatformCertificates {

		/**
		 * Whether to download WeChat Pay platform certificates and verify signatures with
		 * them. Needed by merchants that have not moved to the WeChat Pay public key, and
		 * during the migration.
		 */
		private boolean enabled = false;

		/**
		 * Time between scheduled downloads of the platform certificates.
		 */
		@NotNull
		private Duration refreshInterval = Duration.ofHours(12);

		/**
		 * Minimum time between downloads triggered by a signature from an unknown
		 * certificate serial.
		 */
		@NotNull
		private Duration unknownSerialRefreshInterval = Duration.ofMinutes(1);

		/**
		 * CA certificate that downloaded platform certificates must be issued by: a
		 * resource location such as 'classpath:test-ca.pem' or
		 * 'file:/etc/wechatpay/ca.pem', or the PEM text itself. Unset: the built-in
		 * Tenpay.com Root CA. Set it for a simulator or tests, or if WeChat Pay changes
		 * its root CA.
		 */
		private @Nullable String trustAnchor;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getRefreshInterval() {
			return this.refreshInterval;
		}

		public void setRefreshInterval(Duration refreshInterval) {
			this.refreshInterval = refreshInterval;
		}

		public Duration getUnknownSerialRefreshInterval() {
			return this.unknownSerialRefreshInterval;
		}

		public void setUnknownSerialRefreshInterval(Duration unknownSerialRefreshInterval) {
			this.unknownSerialRefreshInterval = unknownSerialRefreshInterval;
		}

		public @Nullable String getTrustAnchor() {
			return this.trustAnchor;
		}

		public void setTrustAnchor(@Nullable String trustAnchor) {
			this.trustAnchor = trustAnchor;
		}

	}

}
