package io.github.wechatpaycomplaint.multimerchant;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import io.github.wechatpaycomplaint.client.WechatPayEndpoint;
import org.jspecify.annotations.Nullable;

/**
 * One merchant as an application configures it: its entry name, identity and key material
 * (unparsed: PEM text or a resource location, parsed on first use), and the settings in
 * which it differs from the global {@code wechatpay.complaint.*} ones.
 *
 * <p>
 * Settings are keyed like the properties under
 * {@code wechatpay.complaint.merchants.<name>.}, e.g. {@code client.endpoint} or
 * {@code client.rate-limit.feedback.permits}; a setting left out takes the global value.
 * A key that no entry has is refused as the definition is built, with the closest known
 * key. {@link #toString()} shows the name, merchant id and certificate serial only.
 *
 * @since 0.1.0
 */
public final class MerchantDefinition {

	private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,32}");

	private final String name;

	private final String merchantId;

	private final String certificateSerialNumber;

	private final String privateKey;

	private final @Nullable String certificate;

	private final String apiV3Key;

	private final @Nullable String wechatpayPublicKeyId;

	private final @Nullable String wechatpayPublicKey;

	private final boolean platformCertificates;

	private final Map<String, String> settings;

	private MerchantDefinition(Builder builder) {
		this.name = requireName(builder.name);
		this.merchantId = requireText(builder.merchantId, "merchantId");
		this.certificateSerialNumber = requireText(builder.certificateSerialNumber, "certificateSerialNumber");
		this.privateKey = requireText(builder.privateKey, "privateKey");
		this.certificate = builder.certificate;
		this.apiV3Key = requireText(builder.apiV3Key, "apiV3Key");
		this.wechatpayPublicKeyId = builder.wechatpayPublicKeyId;
		this.wechatpayPublicKey = builder.wechatpayPublicKey;
		this.platformCertificates = builder.platformCertificates;
		builder.settings.keySet().forEach(MerchantDefinition::refuseIdentitySetting);
		this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(builder.settings));
	}

	// The identity has its own builder methods, which the registry indexes and checks for
	// duplicates; a setting that
	// replaced it would sign, verify and de-duplicate as another merchant behind those
	// checks.
	private static void refuseIdentitySetting(String key) {
		String relaxed = key.toLowerCase(java.util.Locale.ROOT)
			.replace("-", "")
			.replace("_", "")
			.replace("[", ".")
			.replace("]", "");
		if (relaxed.startsWith("merchant.") || relaxed.startsWith("wechatpaypublickey.")
				|| relaxed.equals("wechatpaypublickey") || relaxed.equals("merchant")
				|| relaxed.equals("platformcertificates.enabled")) {
			throw new IllegalArgumentException("The setting '" + key
					+ "' is part of the merchant's identity; set it with the builder's merchantId, "
					+ "certificateSerialNumber, privateKey, apiV3Key, wechatpayPublicKey or platformCertificates "
					+ "methods instead");
		}
	}

	/**
	 * Starts a definition.
	 * @param name the entry name: 1 to 32 lower-case letters, digits and '-' (it becomes
	 * a URL path segment and a metric tag)
	 * @return the builder
	 */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * Whether a name can name a merchant entry.
	 * @param name the name
	 * @return whether it is 1 to 32 lower-case letters, digits and '-'
	 */
	public static boolean isValidName(@Nullable String name) {
		return name != null && NAME.matcher(name).matches();
	}

	public String name() {
		return this.name;
	}

	public String merchantId() {
		return this.merchantId;
	}

	public String certificateSerialNumber() {
		return this.certificateSerialNumber;
	}

	/**
	 * The merchant API private key, unparsed.
	 * @return PEM text or a resource location
	 */
	public String privateKey() {
		return this.privateKey;
	}

	/**
	 * The merchant API certificate, unparsed, checked against the serial and the private
	 * key when set.
	 * @return PEM text, a resource location, or {@code null}
	 */
	public @Nullable String certificate() {
		return this.certificate;
	}

	public String apiV3Key() {
		return this.apiV3Key;
	}

	public @Nullable String wechatpayPublicKeyId() {
		return this.wechatpayPublicKeyId;
	}

	/**
	 * The WeChat Pay public key, unparsed.
	 * @return PEM text, a resource location, or {@code null}
	 */
	public @Nullable String wechatpayPublicKey() {
		return this.wechatpayPublicKey;
	}

	/**
	 * Whether this merchant downloads WeChat Pay platform certificates.
	 * @return whether certificate mode is on
	 */
	public boolean platformCertificates() {
		return this.platformCertificates;
	}

	/**
	 * The settings in which this merchant differs from the global ones.
	 * @return property values keyed relative to
	 * {@code wechatpay.complaint.merchants.<name>.}
	 */
	public Map<String, String> settings() {
		return this.settings;
	}

	/**
	 * A builder holding this definition's values, to derive a changed one (e.g. a rotated
	 * key).
	 * @return the builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.name).merchantId(this.merchantId)
			.certificateSerialNumber(this.certificateSerialNumber)
			.privateKey(this.privateKey)
			.certificate(this.certificate)
			.apiV3Key(this.apiV3Key)
			.wechatpayPublicKey(this.wechatpayPublicKeyId, this.wechatpayPublicKey)
			.platformCertificates(this.platformCertificates);
		builder.settings.putAll(this.settings);
		return builder;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof MerchantDefinition that && this.name.equals(that.name)
				&& this.merchantId.equals(that.merchantId)
				&& this.certificateSerialNumber.equals(that.certificateSerialNumber)
				&& this.privateKey.equals(that.privateKey) && Objects.equals(this.certificate, that.certificate)
				&& this.apiV3Key.equals(that.apiV3Key)
				&& Objects.equals(this.wechatpayPublicKeyId, that.wechatpayPublicKeyId)
				&& Objects.equals(this.wechatpayPublicKey, that.wechatpayPublicKey)
				&& this.platformCertificates == that.platformCertificates && this.settings.equals(that.settings));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.name, this.merchantId, this.certificateSerialNumber);
	}

	@Override
	public String toString() {
		return "MerchantDefinition[name=" + this.name + ", merchantId=" + this.merchantId + ", certificateSerialNumber="
				+ this.certificateSerialNumber + "]";
	}

	private static String requireName(String name) {
		if (!isValidName(name)) {
			throw new IllegalArgumentException(
					"A merchant name must be 1 to 32 lower-case letters, digits and '-', " + "but is '" + name + "'");
		}
		return name;
	}

	private static String requireText(@Nullable String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(what + " must not be empty");
		}
		return value.strip();
	}

	/**
	 * Builds a {@link MerchantDefinition}.
	 */
	public static final class Builder {

		private final String name;

		private @Nullable String merchantId;

		private @Nullable String certificateSerialNumber;

		private @Nullable String privateKey;

		private @Nullable String certificate;

		private @Nullable String apiV3Key;

		private @Nullable String wechatpayPublicKeyId;

		private @Nullable String wechatpayPublicKey;

		private boolean platformCertificates;

		private final Map<String, String> settings = new LinkedHashMap<>();

		private Builder(String name) {
			this.name = name;
		}

		public Builder merchantId(String merchantId) {
			this.merchantId = merchantId;
			return this;
		}

		public Builder certificateSerialNumber(String certificateSerialNumber) {
			this.certificateSerialNumber = certificateSerialNumber;
			return this;
		}

		/**
		 * The merchant API private key.
		 * @param privateKey PEM text (PKCS#8 or PKCS#1) or a resource location such as
		 * {@code file:/etc/wechatpay/hk/apiclient_key.pem}
		 * @return this builder
		 */
		public Builder privateKey(String privateKey) {
			this.privateKey = privateKey;
			return this;
		}

		public Builder certificate(@Nullable String certificate) {
			this.certificate = certificate;
			return this;
		}

		public Builder apiV3Key(String apiV3Key) {
			this.apiV3Key = apiV3Key;
			return this;
		}

		/**
		 * The WeChat Pay public key (public-key mode).
		 * @param id its id, {@code PUB_KEY_ID_...}
		 * @param key PEM text or a resource location
		 * @return this builder
		 */
		public Builder wechatpayPublicKey(@Nullable String id, @Nullable String key) {
			this.wechatpayPublicKeyId = id;
			this.wechatpayPublicKey = key;
			return this;
		}

		/**
		 * Whether to download WeChat Pay platform certificates (certificate mode).
		 * @param enabled whether certificate mode is on
		 * @return this builder
		 */
		public Builder platformCertificates(boolean enabled) {
			this.platformCertificates = enabled;
			return this;
		}

		/**
		 * The WeChat Pay host: {@code client.endpoint}.
		 * @param endpoint the endpoint
		 * @return this builder
		 */
		public Builder endpoint(WechatPayEndpoint endpoint) {
			return setting("client.endpoint", endpoint.name());
		}

		/**
		 * A base URI that overrides the endpoint's host: {@code client.base-uri}.
		 * @param baseUri the URI
		 * @return this builder
		 */
		public Builder baseUri(URI baseUri) {
			return setting("client.base-uri", baseUri.toString());
		}

		/**
		 * Any other setting, keyed as under
		 * {@code wechatpay.complaint.merchants.<name>.}. A key no entry has makes
		 * {@link #build()} throw {@link IllegalArgumentException}.
		 * @param key e.g. {@code client.rate-limit.feedback.permits}
		 * @param value the value as in a properties file
		 * @return this builder
		 */
		public Builder setting(String key, String value) {
			this.settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
			return this;
		}

		/**
		 * Builds the definition.
		 * @return the definition
		 * @throws IllegalArgumentException when a required value is missing, the name is
		 * not valid, or a setting's key is part of the identity or no entry's key
		 */
		public MerchantDefinition build() {
			return new MerchantDefinition(this);
		}

	}

}
