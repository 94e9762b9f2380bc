package io.github.wechatpaycomplaint.autoconfigure;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.wechatpaycomplaint.multimerchant.MerchantDefinition;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchantSource;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.io.ResourceLoader;

/**
 * The merchants of the properties: {@code wechatpay.complaint.merchant.*} as the entry
 * {@value #DEFAULT_NAME}, and every {@code wechatpay.complaint.merchants.<name>.*}.
 * Everything that can be checked without parsing a key is checked as the source is
 * created, at startup, naming the property: keys are parsed on each merchant's first use.
 */
final class PropertiesMerchantSource implements WechatPayMerchantSource {

	/** The entry name of the single-merchant keys. */
	static final String DEFAULT_NAME = "default";

	private final List<MerchantDefinition> definitions;

	private final @Nullable MerchantDefinition singleMerchant;

	PropertiesMerchantSource(Binder binder, ComplaintProperties properties, MerchantEntryResolver resolver,
			ResourceLoader resourceLoader) {
		Map<String, MerchantDefinition> byName = new LinkedHashMap<>();
		this.singleMerchant = properties.getMerchant().isEmpty() ? null : singleMerchant(properties);
		if (this.singleMerchant != null) {
			byName.put(DEFAULT_NAME, this.singleMerchant);
		}
		for (String name : ConfiguredMerchants.entryNames(binder)) {
			String prefix = MerchantEntryResolver.prefix(name);
			if (!MerchantDefinition.isValidName(name)) {
				throw new InvalidComplaintPropertyException(prefix,
						"the entry name '" + name
								+ "' is not 1 to 32 lower-case letters, digits and '-' (it becomes a URL path segment)",
						"Rename the entry, e.g. 'wechatpay.complaint.merchants.hk.merchant.id'.");
			}
			if (byName.containsKey(name)) {
				throw new InvalidComplaintPropertyException(prefix,
						"the entry 'default' is the merchant of 'wechatpay.complaint.merchant.*', which is set too",
						"Move 'wechatpay.complaint.merchant.*' under 'wechatpay.complaint.merchants.default', or "
								+ "give this entry another name.");
			}
			MerchantEntryProperties entry = resolver.resolve(name);
			new MerchantKeyFactory(resourceLoader, prefix).checkWithoutParsing(entry.getMerchant(),
					entry.getWechatpayPublicKey());
			checkUnique(byName.values(), name, entry);
			byName.put(name, definition(name, entry, resolver.settings(name)));
		}
		this.definitions = List.copyOf(byName.values());
	}

	@Override
	public Collection<MerchantDefinition> merchants() {
		return this.definitions;
	}

	/**
	 * The definition of {@code wechatpay.complaint.merchant.*}, whose objects are the
	 * single-merchant beans.
	 * @return the definition, or {@code null} when those keys are not set
	 */
	@Nullable MerchantDefinition singleMerchant() {
		return this.singleMerchant;
	}

	private static MerchantDefinition singleMerchant(ComplaintProperties properties) {
		ComplaintProperties.Merchant merchant = properties.getMerchant();
		MerchantEntryProperties entry = new MerchantEntryProperties();
		copy(merchant, entry.getMerchant());
		entry.getWechatpayPublicKey().setId(properties.getWechatpayPublicKey().getId());
		entry.getWechatpayPublicKey().setKey(properties.getWechatpayPublicKey().getKey());
		entry.getPlatformCertificates().setEnabled(properties.getPlatformCertificates().isEnabled());
		return definition(DEFAULT_NAME, entry, Map.of());
	}

	private static void copy(ComplaintProperties.Merchant from, ComplaintProperties.Merchant to) {
		to.setId(from.getId());
		to.setCertificateSerialNumber(from.getCertificateSerialNumber());
		to.setPrivateKey(from.getPrivateKey());
		to.setCertificate(from.getCertificate());
		to.setApiV3Key(from.getApiV3Key());
	}

	private static MerchantDefinition definition(String name, MerchantEntryProperties entry,
			Map<String, String> settings) {
		ComplaintProperties.Merchant merchant = entry.getMerchant();
		MerchantDefinition.Builder builder = MerchantDefinition.builder(name)
			.merchantId(merchant.getId())
			.certificateSerialNumber(merchant.getCertificateSerialNumber())
			.privateKey(merchant.getPrivateKey())
			.certificate(blankToNull(merchant.getCertificate()))
			.apiV3Key(merchant.getApiV3Key())
			.wechatpayPublicKey(blankToNull(entry.getWechatpayPublicKey().getId()),
					blankToNull(entry.getWechatpayPublicKey().getKey()))
			.platformCertificates(entry.getPlatformCertificates().isEnabled());
		settings.forEach(builder::setting);
		return builder.build();
	}

	private static void checkUnique(Collection<MerchantDefinition> others, String name, MerchantEntryProperties entry) {
		String prefix = MerchantEntryResolver.prefix(name);
		String merchantId = entry.getMerchant().getId().strip();
		String publicKeyId = blankToNull(entry.getWechatpayPublicKey().getId());
		for (MerchantDefinition other : others) {
			if (other.merchantId().equals(merchantId)) {
				throw new InvalidComplaintPropertyException(prefix + ".merchant.id",
						"entries '" + other.name() + "' and '" + name + "' have the same merchant id " + merchantId,
						"Configure each merchant id once. A service provider is one entry: its sub-merchants' "
								+ "complaints arrive under it with their complainted_mchid.");
			}
			if (publicKeyId != null && publicKeyId.equals(other.wechatpayPublicKeyId())) {
				throw new InvalidComplaintPropertyException(prefix + ".wechatpay-public-key.id",
						"entries '" + other.name() + "' and '" + name + "' have the same WeChat Pay public key id "
								+ publicKeyId,
						"Set each entry's own WeChat Pay public key id and key, shown in its merchant platform.");
			}
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
