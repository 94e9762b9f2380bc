package io.github.wechatpaycomplaint.multimerchant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.merchant.WechatPayVerificationKeys;
import io.github.wechatpaycomplaint.notification.NotificationMerchants;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Every merchant of the application, by entry name and by merchant id. Each merchant's
 * keys, verification keys and client are built on its first use and cached; merchants can
 * be added, replaced (key rotation) and removed while the application runs.
 *
 * <p>
 * Thread-safe, and lookups are a map read. There is no "current merchant": callers name
 * the merchant they mean. A call that is in flight when its merchant is replaced or
 * removed completes on the objects it started with. A merchant whose definition cannot
 * work (e.g. its key does not parse) fails alone, with
 * {@link MerchantUnavailableException}, and is listed by {@link #brokenMerchants()}.
 *
 * @since 0.1.0
 */
public final class WechatPayMerchants implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(WechatPayMerchants.class);

	private final List<WechatPayMerchantSource> sources;

	private final MerchantComponentsFactory factory;

	private final Map<String, MerchantSlot> byName = new ConcurrentHashMap<>();

	private final Map<String, String> nameByMerchantId = new ConcurrentHashMap<>();

	private final Map<String, String> nameByPublicKeyId = new ConcurrentHashMap<>();

	private final RegistryNotificationMerchants notificationMerchants = new RegistryNotificationMerchants(this);

	private final List<MerchantChangeListener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Creates the registry and reads the sources once.
	 * @param sources where the merchants come from
	 * @param factory builds a merchant's components on its first use
	 * @throws IllegalStateException when two definitions share a name, a merchant id or a
	 * WeChat Pay public key id
	 */
	public WechatPayMerchants(Collection<? extends WechatPayMerchantSource> sources,
			MerchantComponentsFactory factory) {
		this.sources = List.copyOf(sources);
		this.factory = Objects.requireNonNull(factory, "factory");
		for (MerchantDefinition definition : readSources().values()) {
			put(definition);
		}
	}

	/**
	 * The typed client of a merchant.
	 * @param name the entry name
	 * @return the client
	 * @throws UnknownMerchantException when no merchant has this name
	 * @throws MerchantUnavailableException when the merchant's client cannot be built
	 */
	public WechatPayComplaintClient client(String name) {
		return slot(name).components().client();
	}

	/**
	 * The typed client of the merchant with this merchant id.
	 * @param merchantId the mchid
	 * @return the client, or empty when no merchant has this id
	 * @throws MerchantUnavailableException when the merchant's client cannot be built
	 */
	public Optional<WechatPayComplaintClient> findByMerchantId(String merchantId) {
		String name = this.nameByMerchantId.get(merchantId);
		MerchantSlot slot = (name != null) ? this.byName.get(name) : null;
		return (slot != null) ? Optional.of(slot.components().client()) : Optional.empty();
	}

	/**
	 * A merchant's parsed keys.
	 * @param name the entry name
	 * @return the merchant
	 * @throws UnknownMerchantException when no merchant has this name
	 * @throws MerchantUnavailableException when the keys cannot be built
	 */
	public WechatPayMerchant merchant(String name) {
		return slot(name).components().merchant();
	}

	/**
	 * Everything built for a merchant: keys, verification keys, RestClient and client.
	 * @param name the entry name
	 * @return the components
	 * @throws UnknownMerchantException when no merchant has this name
	 * @throws MerchantUnavailableException when they cannot be built
	 */
	public MerchantComponents components(String name) {
		return slot(name).components();
	}

	/**
	 * The keys that verify WeChat Pay's signatures for a merchant.
	 * @param name the entry name
	 * @return the keys
	 * @throws UnknownMerchantException when no merchant has this name
	 * @throws MerchantUnavailableException when the keys cannot be built
	 */
	public WechatPayVerificationKeys verificationKeys(String name) {
		return slot(name).components().verificationKeys();
	}

	/**
	 * A merchant's components if its first use built them, without building them (for
	 * health checks, which must not parse a thousand keys).
	 * @param name the entry name
	 * @return the components, or empty when the merchant is unknown, not used yet or
	 * broken
	 */
	public Optional<MerchantComponents> builtComponents(String name) {
		MerchantSlot slot = this.byName.get(name);
		return (slot != null) ? Optional.ofNullable(slot.builtComponents()) : Optional.empty();
	}

	/**
	 * The entry names, sorted.
	 * @return the names
	 */
	public List<String> names() {
		return List.copyOf(new TreeMap<>(this.byName).keySet());
	}

	/**
	 * The definitions, sorted by name.
	 * @return the definitions
	 */
	public List<MerchantDefinition> definitions() {
		return new TreeMap<>(this.byName).values().stream().map(MerchantSlot::definition).toList();
	}

	/**
	 * A merchant's definition.
	 * @param name the entry name
	 * @return the definition, or empty
	 */
	public Optional<MerchantDefinition> definition(String name) {
		return Optional.ofNullable(this.byName.get(name)).map(MerchantSlot::definition);
	}

	/**
	 * The merchants that were used and could not be built, with the reason (which names
	 * the property, never a key).
	 * @return reason by entry name
	 */
	public Map<String, String> brokenMerchants() {
		Map<String, String> broken = new TreeMap<>();
		this.byName.forEach((name, slot) -> {
			RuntimeException failure = slot.failure();
			if (failure != null) {
				broken.put(name, failure.getMessage());
			}
		});
		return broken;
	}

	/**
	 * Adds a merchant, or replaces the one with the same name (e.g. to rotate its key).
	 * The new definition's objects are built on its first use; calls in flight finish on
	 * the old ones.
	 * @param definition the merchant
	 * @throws IllegalArgumentException when another entry has the same merchant id or
	 * WeChat Pay public key id
	 */
	public synchronized void put(MerchantDefinition definition) {
		String name = definition.name();
		String otherWithId = this.nameByMerchantId.get(definition.merchantId());
		if (otherWithId != null && !otherWithId.equals(name)) {
			throw new IllegalArgumentException(sameMerchantId(otherWithId, definition));
		}
		String publicKeyId = definition.wechatpayPublicKeyId();
		String otherWithKey = (publicKeyId != null) ? this.nameByPublicKeyId.get(publicKeyId) : null;
		if (otherWithKey != null && !otherWithKey.equals(name)) {
			throw new IllegalArgumentException(
					"Merchants '" + otherWithKey + "' and '" + name + "' have the same WeChat Pay public key id "
							+ publicKeyId + "; each merchant has its own WeChat Pay public key");
		}
		MerchantSlot previous = this.byName.put(name, new MerchantSlot(definition, this.factory));
		if (previous != null) {
			unindex(previous.definition());
			previous.close();
		}
		this.nameByMerchantId.put(definition.merchantId(), name);
		if (publicKeyId != null) {
			this.nameByPublicKeyId.put(publicKeyId, name);
		}
		if (previous == null) {
			tellListeners((listener) -> listener.merchantAdded(definition));
		}
		else {
			tellListeners((listener) -> listener.merchantReplaced(previous.definition(), definition));
		}
	}

	/**
	 * Removes a merchant. Calls in flight finish; later calls fail with
	 * {@link UnknownMerchantException}.
	 * @param name the entry name
	 * @return whether a merchant was removed
	 */
	public synchronized boolean remove(String name) {
		MerchantSlot removed = this.byName.remove(name);
		if (removed == null) {
			return false;
		}
		unindex(removed.definition());
		removed.close();
		tellListeners((listener) -> listener.merchantRemoved(removed.definition()));
		return true;
	}

	/**
	 * Adds a listener that is told of every later change.
	 * @param listener the listener
	 */
	public void addListener(MerchantChangeListener listener) {
		this.listeners.add(Objects.requireNonNull(listener, "listener"));
	}

	/**
	 * Removes a listener.
	 * @param listener the listener
	 */
	public void removeListener(MerchantChangeListener listener) {
		this.listeners.remove(listener);
	}

	/**
	 * Reads the sources again: adds new merchants, replaces changed ones and removes
	 * those no source lists any more (including merchants added with {@link #put}).
	 */
	public synchronized void refresh() {
		Map<String, MerchantDefinition> current = readSources();
		for (String name : names()) {
			if (!current.containsKey(name)) {
				remove(name);
			}
		}
		current.forEach((name, definition) -> {
			MerchantSlot slot = this.byName.get(name);
			if (slot == null || !slot.definition().equals(definition)) {
				put(definition);
			}
		});
	}

	/**
	 * The merchants as the notification side sees them.
	 * @return the view
	 */
	public NotificationMerchants notificationMerchants() {
		return this.notificationMerchants;
	}

	/**
	 * Releases every merchant's resources.
	 */
	@Override
	public synchronized void close() {
		this.byName.values().forEach(MerchantSlot::close);
	}

	@Nullable MerchantSlot findSlot(String name) {
		return this.byName.get(name);
	}

	@Nullable String nameOfPublicKeyId(String publicKeyId) {
		return this.nameByPublicKeyId.get(publicKeyId);
	}

	Collection<MerchantSlot> slots() {
		return this.byName.values();
	}

	private void tellListeners(Consumer<MerchantChangeListener> change) {
		for (MerchantChangeListener listener : this.listeners) {
			try {
				change.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("A WeChat Pay merchant change listener failed: " + ex.getClass().getName());
			}
		}
	}

	private MerchantSlot slot(String name) {
		MerchantSlot slot = this.byName.get(name);
		if (slot == null) {
			throw new UnknownMerchantException(name);
		}
		return slot;
	}

	private void unindex(MerchantDefinition definition) {
		this.nameByMerchantId.remove(definition.merchantId(), definition.name());
		if (definition.wechatpayPublicKeyId() != null) {
			this.nameByPublicKeyId.remove(definition.wechatpayPublicKeyId(), definition.name());
		}
	}

	private Map<String, MerchantDefinition> readSources() {
		Map<String, MerchantDefinition> definitions = new LinkedHashMap<>();
		for (WechatPayMerchantSource source : this.sources) {
			for (MerchantDefinition definition : new ArrayList<>(source.merchants())) {
				if (definitions.putIfAbsent(definition.name(), definition) != null) {
					throw new IllegalStateException("Two merchant sources define a merchant named '" + definition.name()
							+ "'; names must be unique");
				}
			}
		}
		checkUnique(definitions.values());
		return definitions;
	}

	private static void checkUnique(Collection<MerchantDefinition> definitions) {
		Map<String, String> byMerchantId = new ConcurrentHashMap<>();
		Map<String, String> byPublicKeyId = new ConcurrentHashMap<>();
		for (MerchantDefinition definition : definitions) {
			String other = byMerchantId.putIfAbsent(definition.merchantId(), definition.name());
			if (other != null) {
				throw new IllegalStateException(sameMerchantId(other, definition));
			}
			String publicKeyId = definition.wechatpayPublicKeyId();
			other = (publicKeyId != null) ? byPublicKeyId.putIfAbsent(publicKeyId, definition.name()) : null;
			if (other != null) {
				throw new IllegalStateException(samePublicKeyId(other, definition));
			}
		}
	}

	private static String sameMerchantId(String other, MerchantDefinition definition) {
		return "Merchants '" + other + "' and '" + definition.name() + "' have the same merchant id "
				+ definition.merchantId()
				+ "; each merchant id may be configured once (a service provider is one entry)";
	}

	private static String samePublicKeyId(String other, MerchantDefinition definition) {
		return "Merchants '" + other + "' and '" + definition.name() + "' have the same WeChat Pay public key id "
				+ definition.wechatpayPublicKeyId() + "; each merchant has its own WeChat Pay public key";
	}

}
