package io.github.wechatpaycomplaint.autoconfigure;

import java.util.Collection;
import java.util.HashMap;
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

	PropertiesMerchantSource(ConfiguredMerchants configured, ComplaintProperties properties,
			MerchantEntryResolver resolver, ResourceLoader resourceLoader) {
		Map<String, MerchantDefinition> byName = new LinkedHashMap<>();
		UniqueIds ids = new UniqueIds();
		boolean inheritedSettingsChecked = false;
		this.singleMerchant = properties.getMerchant().isEmpty() ? null : singleMerchant(properties);
		if (this.singleMerchant != null) {
			byName.put(DEFAULT_NAME, this.singleMerchant);
			ids.add(this.singleMerchant);
		}
		for (String name : configured.entryNames()) {
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
			Binder entrySource = configured.entry(name);
			boolean identityOnly = !configured.hasSettings(name);
			MerchantEntryProperties entry = (identityOnly && inheritedSettingsChecked)
					? IdentityEntryReader.read(prefix, configured.canonicalKeys(name), entrySource) : null;
			if (entry == null) {
				entry = resolver.resolve(name, entrySource);
				// What an entry inherits is the same for every entry that sets only its
				// identity: checked once, for the first.
				inheritedSettingsChecked |= identityOnly;
			}
			new MerchantKeyFactory(resourceLoader, prefix).checkWithoutParsing(entry.getMerchant(),
					entry.getWechatpayPublicKey());
			ids.check(name, entry);
			MerchantDefinition definition = definition(name, entry,
					configured.hasSettings(name) ? resolver.settings(name, entrySource) : Map.of());
			byName.put(name, definition);
			ids.add(definition);
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

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * The merchant ids and WeChat Pay public key ids of the entries read so far, each
	 * with the first entry that has it.
	 */
	private static final class UniqueIds {

		private final Map<String, MerchantDefinition> byMerchantId = new HashMap<>();

		private final Map<String, MerchantDefinition> byPublicKeyId = new HashMap<>();

		private final Map<String, Integer> positions = new HashMap<>();

		void add(MerchantDefinition definition) {
			this.positions.put(definition.name(), this.positions.size());
			this.byMerchantId.putIfAbsent(definition.merchantId(), definition);
			String publicKeyId = definition.wechatpayPublicKeyId();
			if (publicKeyId != null) {
				this.byPublicKeyId.putIfAbsent(publicKeyId, definition);
			}
		}

		// Names the earliest entry that shares an id, as a walk over the entries in order
		// would, the merchant id first.
		void check(String name, MerchantEntryProperties entry) {
			String prefix = MerchantEntryResolver.prefix(name);
			String merchantId = entry.getMerchant().getId().strip();
			String publicKeyId = blankToNull(entry.getWechatpayPublicKey().getId());
			MerchantDefinition sameMerchantId = this.byMerchantId.get(merchantId);
			MerchantDefinition samePublicKeyId = (publicKeyId != null) ? this.byPublicKeyId.get(publicKeyId) : null;
			if (sameMerchantId != null && (samePublicKeyId == null
					|| this.positions.get(sameMerchantId.name()) <= this.positions.get(samePublicKeyId.name()))) {
				throw new InvalidComplaintPropertyException(prefix + ".merchant.id",
						"entries '" + sameMerchantId.name() + "' and '" + name + "' have the same merchant id "
								+ merchantId,
						"Configure each merchant id once. A service provider is one entry: its sub-merchants' "
								+ "complaints arrive under it with their complainted_mchid.");
			}
			if (samePublicKeyId != null) {
				throw new InvalidComplaintPropertyException(prefix + ".wechatpay-public-key.id",
						"entries '" + samePublicKeyId.name() + "' and '" + name
								+ "' have the same WeChat Pay public key id " + publicKeyId,
						"Set each entry's own WeChat Pay public key id and key, shown in its merchant platform.");
			}
		}

	}

}
