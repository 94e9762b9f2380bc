package io.github.wechatpaycomplaint.multimerchant;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
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
 * Thread-safe, and lookups are a map read: every lookup reads one immutable state of all
 * merchants and their indexes (by name, merchant id, WeChat Pay public key id and
 * platform certificate serial), which each change replaces as a whole, so that no lookup
 * sees a change half made. There is no "current merchant": callers name the merchant they
 * mean. A call that is in flight when its merchant is replaced or removed completes on
 * the objects it started with. A merchant whose definition cannot work (e.g. its key does
 * not parse) fails alone, with {@link MerchantUnavailableException}, and is listed by
 * {@link #brokenMerchants()}.
 *
 * @since 0.1.0
 */
public final class WechatPayMerchants implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(WechatPayMerchants.class);

	/**
	 * The default of
	 * {@code wechatpay.complaint.platform-certificates.unknown-serial-refresh-interval}.
	 */
	private static final Duration DEFAULT_UNKNOWN_SERIAL_INTERVAL = Duration.ofMinutes(1);

	private final List<WechatPayMerchantSource> sources;

	private final MerchantComponentsFactory factory;

	// Replaced as a whole by the writers, which hold this registry's lock.
	private volatile MerchantIndex index;

	private final RegistryNotificationMerchants notificationMerchants;

	private final List<MerchantChangeListener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Creates the registry and reads the sources once; on the shared notification path,
	 * serials nobody knows wake the certificate-mode merchants at most once a minute.
	 * @param sources where the merchants come from
	 * @param factory builds a merchant's components on its first use
	 * @throws IllegalStateException when two definitions share a name, a merchant id or a
	 * WeChat Pay public key id
	 */
	public WechatPayMerchants(Collection<? extends WechatPayMerchantSource> sources,
			MerchantComponentsFactory factory) {
		this(sources, factory, DEFAULT_UNKNOWN_SERIAL_INTERVAL, Clock.systemUTC());
	}

	/**
	 * Creates the registry and reads the sources once.
	 * @param sources where the merchants come from
	 * @param factory builds a merchant's components on its first use
	 * @param unknownSerialInterval on the shared notification path, the minimum time
	 * between two serials nobody knows that build the certificate-mode merchants not used
	 * yet and ask every certificate-mode merchant to download its certificates
	 * @param clock the clock that spaces them
	 * @throws IllegalStateException when two definitions share a name, a merchant id or a
	 * WeChat Pay public key id
	 */
	public WechatPayMerchants(Collection<? extends WechatPayMerchantSource> sources, MerchantComponentsFactory factory,
			Duration unknownSerialInterval, Clock clock) {
		this.sources = List.copyOf(sources);
		this.factory = Objects.requireNonNull(factory, "factory");
		this.notificationMerchants = new RegistryNotificationMerchants(this,
				new UnknownSerialAllowance(unknownSerialInterval, clock));
		MerchantIndex.Builder initial = MerchantIndex.EMPTY.edit();
		for (MerchantDefinition definition : readSources().values()) {
			initial.put(newSlot(definition));
		}
		this.index = initial.build();
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
		MerchantSlot slot = this.index.byMerchantId(merchantId);
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
		MerchantSlot slot = this.index.slot(name);
		return (slot != null) ? Optional.ofNullable(slot.builtComponents()) : Optional.empty();
	}

	/**
	 * The entry names, sorted.
	 * @return the names
	 */
	public List<String> names() {
		return this.index.names();
	}

	/**
	 * The definitions, sorted by name.
	 * @return the definitions
	 */
	public List<MerchantDefinition> definitions() {
		return this.index.slots().stream().map(MerchantSlot::definition).toList();
	}

	/**
	 * A merchant's definition.
	 * @param name the entry name
	 * @return the definition, or empty
	 */
	public Optional<MerchantDefinition> definition(String name) {
		return Optional.ofNullable(this.index.slot(name)).map(MerchantSlot::definition);
	}

	/**
	 * The merchants that were used and could not be built, with the reason (which names
	 * the property, never a key).
	 * @return reason by entry name
	 */
	public Map<String, String> brokenMerchants() {
		Map<String, String> broken = new TreeMap<>();
		for (MerchantSlot slot : this.index.slots()) {
			RuntimeException failure = slot.failure();
			if (failure != null) {
				broken.put(slot.name(), failure.getMessage());
			}
		}
		return broken;
	}

	/**
	 * Adds a merchant, or replaces the one with the same name (e.g. to rotate its key).
	 * The new definition's objects are built on its first use; calls in flight finish on
	 * the old ones. Lookups see the merchant under its new keys and ids as soon as they
	 * stop seeing it under the old ones.
	 * @param definition the merchant
	 * @throws IllegalArgumentException when another entry has the same merchant id or
	 * WeChat Pay public key id
	 */
	public synchronized void put(MerchantDefinition definition) {
		this.factory.check(definition);
		MerchantIndex.Builder next = this.index.edit();
		MerchantSlot previous = next.put(newSlot(definition));
		publish(next.build());
		if (previous != null) {
			previous.close();
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
		MerchantIndex.Builder next = this.index.edit();
		MerchantSlot removed = next.remove(name);
		if (removed == null) {
			return false;
		}
		publish(next.build());
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
	 * those no source lists any more (including merchants added with {@link #put}). All
	 * changes become visible at once; listeners hear of the removals first.
	 */
	public synchronized void refresh() {
		Map<String, MerchantDefinition> current = readSources();
		MerchantIndex.Builder next = this.index.edit();
		List<MerchantSlot> removed = new ArrayList<>();
		Map<String, @Nullable MerchantSlot> previous = new LinkedHashMap<>();
		for (String name : this.index.names()) {
			if (!current.containsKey(name)) {
				removed.add(next.remove(name));
			}
		}
		// Changed merchants leave before any comes back, so that two of them may swap an
		// id; the sources were checked for duplicates as a whole.
		current.forEach((name, definition) -> {
			MerchantSlot slot = this.index.slot(name);
			if (slot == null || !slot.definition().equals(definition)) {
				previous.put(name, next.remove(name));
			}
		});
		previous.keySet().forEach((name) -> next.put(newSlot(current.get(name))));
		if (removed.isEmpty() && previous.isEmpty()) {
			return;
		}
		publish(next.build());
		for (MerchantSlot slot : removed) {
			slot.close();
			tellListeners((listener) -> listener.merchantRemoved(slot.definition()));
		}
		previous.forEach((name, replaced) -> {
			MerchantDefinition definition = current.get(name);
			if (replaced == null) {
				tellListeners((listener) -> listener.merchantAdded(definition));
				return;
			}
			replaced.close();
			tellListeners((listener) -> listener.merchantReplaced(replaced.definition(), definition));
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
		this.index.slots().forEach(MerchantSlot::close);
	}

	@Nullable MerchantSlot findSlot(String name) {
		return this.index.slot(name);
	}

	@Nullable String nameOfPublicKeyId(String publicKeyId) {
		MerchantSlot slot = this.index.byPublicKeyId(publicKeyId);
		return (slot != null) ? slot.name() : null;
	}

	MerchantIndex index() {
		return this.index;
	}

	private MerchantSlot newSlot(MerchantDefinition definition) {
		return new MerchantSlot(definition, this.factory, this::certificatesChanged);
	}

	// A merchant's certificate download brought or dropped serials: index them, unless
	// the merchant was replaced or removed meanwhile.
	private synchronized void certificatesChanged(MerchantSlot slot) {
		MerchantIndex current = this.index;
		if (current.slot(slot.name()) != slot) {
			return;
		}
		publish(current.edit().certificateSerials(slot.name(), slot.certificateSerials()).build());
	}

	private void publish(MerchantIndex next) {
		MerchantIndex previous = this.index;
		this.index = next;
		next.contested().forEach((serial, names) -> {
			if (!previous.isContested(serial)) {
				logger.warn("WeChat Pay platform certificate serial " + serial + " is claimed by merchants " + names
						+ "; notifications signed with it are refused on the shared path. Check each merchant's "
						+ "keys; the per-merchant paths are not affected");
			}
		});
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
		MerchantSlot slot = this.index.slot(name);
		if (slot == null) {
			throw new UnknownMerchantException(name);
		}
		return slot;
	}

	private Map<String, MerchantDefinition> readSources() {
		Map<String, MerchantDefinition> definitions = new LinkedHashMap<>();
		for (WechatPayMerchantSource source : this.sources) {
			for (MerchantDefinition definition : new ArrayList<>(source.merchants())) {
				this.factory.check(definition);
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
		Map<String, String> byMerchantId = new HashMap<>();
		Map<String, String> byPublicKeyId = new HashMap<>();
		for (MerchantDefinition definition : definitions) {
			String other = byMerchantId.putIfAbsent(definition.merchantId(), definition.name());
			if (other != null) {
				throw new IllegalStateException(MerchantIndex.sameMerchantId(other, definition));
			}
			String publicKeyId = definition.wechatpayPublicKeyId();
			other = (publicKeyId != null) ? byPublicKeyId.putIfAbsent(publicKeyId, definition.name()) : null;
			if (other != null) {
				throw new IllegalStateException(MerchantIndex.samePublicKeyId(other, definition));
			}
		}
	}

}
