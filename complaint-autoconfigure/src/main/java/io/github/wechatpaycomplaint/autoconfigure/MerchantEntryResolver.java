package io.github.wechatpaycomplaint.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.multimerchant.MerchantDefinition;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.validation.Validator;

/**
 * Resolves one merchant entry: the global tunables ({@code wechatpay.complaint.client.*},
 * {@code platform-certificates.*}, {@code notification.*}, {@code reconciliation.*}) are
 * bound first, then the entry's own keys on top of them, so that only the keys the entry
 * sets change. The host settings are the exception: an entry that chooses its own
 * endpoint or base URI does not take the global ones ({@link MerchantEntryHosts}). The
 * entry is then validated like the global properties, with errors naming
 * {@code wechatpay.complaint.merchants.<name>.<property>}; a key that binds to nothing is
 * one of them.
 */
final class MerchantEntryResolver {

	private static final String PREFIX = ComplaintProperties.PREFIX + ".";

	/** Settings every merchant shares: one connection pool, one rate-limit store. */
	private static final Map<String, Function<ComplaintClientProperties, @Nullable Object>> SHARED = shared();

	/** The groups an entry inherits. */
	private static final List<String> GROUPS = List.of("client", "platform-certificates", "notification",
			"reconciliation");

	private final Binder globals;

	private final Supplier<@Nullable Validator> beanValidator;

	private final Supplier<ComplaintClientProperties> globalClient;

	/**
	 * Creates a resolver.
	 * @param environment holds the global properties, read once: each entry binds them
	 * again, from a copy of these groups alone
	 * @param beanValidator validates JSR-303 constraints, or supplies {@code null} when
	 * no provider is on the classpath; asked for on the first entry
	 */
	MerchantEntryResolver(Environment environment, Supplier<@Nullable Validator> beanValidator) {
		this.globals = globals(environment);
		this.beanValidator = beanValidator;
		this.globalClient = SingletonSupplier.of(() -> {
			ComplaintClientProperties global = new ComplaintClientProperties();
			bindGlobal("client", global);
			return global;
		});
	}

	private static Binder globals(Environment environment) {
		List<ConfigurationPropertyName> groups = GROUPS.stream()
			.map((group) -> ConfigurationPropertyName.of(PREFIX + group))
			.toList();
		CollectedProperties globals = new CollectedProperties();
		CollectedProperties.forEach(environment, (property) -> {
			if (groups.stream().anyMatch((group) -> group.isAncestorOf(property.getName()))) {
				globals.add(property);
			}
		});
		return globals.binder(environment);
	}

	/**
	 * The prefix of an entry's keys.
	 * @param name the entry name
	 * @return {@code wechatpay.complaint.merchants.<name>}
	 */
	static String prefix(String name) {
		return ConfiguredMerchants.MERCHANTS + "." + name;
	}

	/**
	 * Resolves an entry configured in the environment.
	 * @param name the entry name
	 * @param entry binds the entry's own keys ({@link ConfiguredMerchants#entry})
	 * @return the entry
	 */
	MerchantEntryProperties resolve(String name, Binder entry) {
		return resolve(name, new MerchantEntryProperties(), entry);
	}

	/**
	 * Resolves the settings of a definition (from properties or an application's source)
	 * on top of the global tunables.
	 * @param definition the merchant
	 * @return the entry, identity taken from the definition
	 */
	MerchantEntryProperties resolve(MerchantDefinition definition) {
		MerchantEntryProperties entry = new MerchantEntryProperties();
		ComplaintProperties.Merchant merchant = entry.getMerchant();
		merchant.setId(definition.merchantId());
		merchant.setCertificateSerialNumber(definition.certificateSerialNumber());
		merchant.setPrivateKey(definition.privateKey());
		merchant.setCertificate(definition.certificate());
		merchant.setApiV3Key(definition.apiV3Key());
		entry.getWechatpayPublicKey().setId(definition.wechatpayPublicKeyId());
		entry.getWechatpayPublicKey().setKey(definition.wechatpayPublicKey());
		Map<String, String> settings = new LinkedHashMap<>();
		definition.settings().forEach((key, value) -> settings.put(prefix(definition.name()) + "." + key, value));
		MerchantEntryProperties resolved = resolve(definition.name(), entry,
				new Binder(new MapConfigurationPropertySource(settings)));
		resolved.getPlatformCertificates().setEnabled(definition.platformCertificates());
		return resolved;
	}

	/**
	 * The entry's keys that are settings rather than identity, as a definition holds
	 * them.
	 * @param name the entry name
	 * @param entry binds the entry's own keys
	 * @return the settings keyed relative to the entry
	 */
	Map<String, String> settings(String name, Binder entry) {
		Map<String, String> settings = new LinkedHashMap<>();
		entry.bind(prefix(name), Bindable.mapOf(String.class, String.class)).orElse(Map.of()).forEach((key, value) -> {
			if (isSetting(key)) {
				settings.put(key, value);
			}
		});
		return settings;
	}

	/**
	 * Whether an entry's key is a setting rather than identity.
	 * @param key relative to the entry, as written
	 * @return {@code false} for the merchant's keys, its WeChat Pay public key and its
	 * choice of certificate mode
	 */
	static boolean isSetting(String key) {
		return !key.startsWith("merchant.") && !key.startsWith("wechatpay-public-key.")
				&& !key.equals("platform-certificates.enabled");
	}

	private MerchantEntryProperties resolve(String name, MerchantEntryProperties entry, Binder entrySource) {
		String prefix = prefix(name);
		bindGlobal("client", entry.getClient());
		MerchantEntryHosts.dropGlobalHostIfOwnChosen(entrySource, prefix, entry.getClient());
		bindGlobal("platform-certificates", entry.getPlatformCertificates());
		// Identity: certificate mode is each merchant's own choice.
		entry.getPlatformCertificates().setEnabled(false);
		bindGlobal("notification", entry.getNotification());
		bindGlobal("reconciliation", entry.getReconciliation());
		bindEntry(entrySource, prefix, entry);
		MerchantEntryHosts.checkPathsChosen(entrySource, prefix, entry.getClient());
		ComplaintDurationChecks.checkSigns(entry.getClient(), prefix + ".client");
		ComplaintDurationChecks.checkSigns(entry.getPlatformCertificates(), prefix + ".platform-certificates");
		ComplaintDurationChecks.checkSigns(entry.getReconciliation(), prefix + ".reconciliation");
		// Plain http that the entry inherits is warned about once, for the global
		// properties, not again for each of many entries.
		ClientBaseUriCheck.check(entry.getClient(), prefix + ".client", !sameHosts(entry.getClient()));
		checkShared(entry.getClient(), prefix + ".client");
		return entry;
	}

	// A key that binds to nothing is a typo that would be ignored: it stops startup.
	private void bindEntry(Binder entrySource, String prefix, MerchantEntryProperties entry) {
		List<Validator> entryValidators = new ArrayList<>();
		Validator validator = this.beanValidator.get();
		if (validator != null) {
			entryValidators.add(validator);
		}
		entryValidators.add(entry);
		try {
			entrySource.bind(prefix, Bindable.ofInstance(entry),
					new ValidationBindHandler(
							new NoUnboundElementsBindHandler(new IgnoreTopLevelConverterNotFoundBindHandler()),
							entryValidators.toArray(Validator[]::new)));
		}
		catch (BindException ex) {
			if (ex.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
				throw MerchantEntryKeys.unknownProperties(prefix,
						unbound.getUnboundProperties()
							.stream()
							.map((property) -> property.getName().toString())
							.toList());
			}
			throw ex;
		}
	}

	private void bindGlobal(String group, Object target) {
		this.globals.bind(PREFIX + group, Bindable.ofInstance(target));
	}

	private boolean sameHosts(ComplaintClientProperties client) {
		ComplaintClientProperties global = this.globalClient.get();
		return Objects.equals(client.getBaseUri(), global.getBaseUri())
				&& Objects.equals(client.getFailover().getBackupBaseUri(), global.getFailover().getBackupBaseUri());
	}

	private void checkShared(ComplaintClientProperties client, String prefix) {
		ComplaintClientProperties global = this.globalClient.get();
		SHARED.forEach((key, value) -> {
			if (!Objects.equals(value.apply(client), value.apply(global))) {
				throw new InvalidComplaintPropertyException(prefix + "." + key,
						"it differs from '" + ComplaintClientProperties.PREFIX + "." + key
								+ "', but every merchant shares one connection pool and one rate-limit store",
						"Remove it from the merchant entry and set '" + ComplaintClientProperties.PREFIX + "." + key
								+ "' once for all merchants.");
			}
		});
	}

	private static Map<String, Function<ComplaintClientProperties, @Nullable Object>> shared() {
		Map<String, Function<ComplaintClientProperties, @Nullable Object>> shared = new LinkedHashMap<>();
		shared.put("connect-timeout", ComplaintClientProperties::getConnectTimeout);
		shared.put("read-timeout", ComplaintClientProperties::getReadTimeout);
		shared.put("rate-limit.store", (client) -> client.getRateLimit().getStore());
		shared.put("rate-limit.redis-key-prefix", (client) -> client.getRateLimit().getRedisKeyPrefix());
		shared.put("rate-limit.redis-timeout", (client) -> client.getRateLimit().getRedisTimeout());
		shared.put("rate-limit.redis-retry-interval", (client) -> client.getRateLimit().getRedisRetryInterval());
		return shared;
	}

}
