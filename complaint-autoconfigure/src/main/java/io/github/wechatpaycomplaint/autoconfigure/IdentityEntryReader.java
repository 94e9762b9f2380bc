package io.github.wechatpaycomplaint.autoconfigure;

import java.util.Map;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Reads a merchant entry that sets its identity and nothing else, the common case of a
 * platform with many merchants, without binding and validating a whole
 * {@link MerchantEntryProperties}: such an entry inherits every setting, so all that the
 * full resolution would check of its settings was checked for the first such entry.
 * Binding and validating that object tree is most of the startup cost of an entry, and an
 * application with 1,000 entries pays it 1,000 times otherwise.
 *
 * <p>
 * Anything unusual is left to the full resolution, which reports it naming the property:
 * a key that is not an identity key in canonical form, a value that does not convert, or
 * a missing required key.
 */
final class IdentityEntryReader {

	private static final Map<String, BiConsumer<MerchantEntryProperties, String>> STRINGS = Map.of("merchant.id",
			(entry, value) -> entry.getMerchant().setId(value), "merchant.certificate-serial-number",
			(entry, value) -> entry.getMerchant().setCertificateSerialNumber(value), "merchant.private-key",
			(entry, value) -> entry.getMerchant().setPrivateKey(value), "merchant.certificate",
			(entry, value) -> entry.getMerchant().setCertificate(value), "merchant.api-v3-key",
			(entry, value) -> entry.getMerchant().setApiV3Key(value), "wechatpay-public-key.id",
			(entry, value) -> entry.getWechatpayPublicKey().setId(value), "wechatpay-public-key.key",
			(entry, value) -> entry.getWechatpayPublicKey().setKey(value));

	private static final String PLATFORM_CERTIFICATES_ENABLED = "platform-certificates.enabled";

	private IdentityEntryReader() {
	}

	/**
	 * Reads an entry's identity.
	 * @param prefix the entry's prefix, {@code wechatpay.complaint.merchants.<name>}
	 * @param keys the entry's keys relative to the prefix, in canonical form, or
	 * {@code null} when some key is not ({@link ConfiguredMerchants#canonicalKeys})
	 * @param entrySource binds the entry's own keys
	 * @return the entry with its identity set, or {@code null} when the full resolution
	 * must read it
	 */
	static @Nullable MerchantEntryProperties read(String prefix, @Nullable Iterable<String> keys, Binder entrySource) {
		if (keys == null) {
			return null;
		}
		MerchantEntryProperties entry = new MerchantEntryProperties();
		try {
			for (String key : keys) {
				String name = prefix + "." + key;
				BiConsumer<MerchantEntryProperties, String> setter = STRINGS.get(key);
				if (setter != null) {
					setter.accept(entry, entrySource.bind(name, Bindable.of(String.class)).orElse(null));
				}
				else if (key.equals(PLATFORM_CERTIFICATES_ENABLED)) {
					entry.getPlatformCertificates()
						.setEnabled(entrySource.bind(name, Bindable.of(Boolean.class)).orElse(false));
				}
				else {
					return null;
				}
			}
		}
		catch (BindException ex) {
			return null;
		}
		ComplaintProperties.Merchant merchant = entry.getMerchant();
		boolean complete = hasText(merchant.getId()) && hasText(merchant.getCertificateSerialNumber())
				&& hasText(merchant.getPrivateKey()) && hasText(merchant.getApiV3Key());
		return complete ? entry : null;
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
