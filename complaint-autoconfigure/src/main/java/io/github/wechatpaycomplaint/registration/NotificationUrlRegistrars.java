package io.github.wechatpaycomplaint.registration;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import io.github.wechatpaycomplaint.multimerchant.MerchantChangeListener;
import io.github.wechatpaycomplaint.multimerchant.MerchantDefinition;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Registers the notification URL of each merchant in the {@link WechatPayMerchants}
 * registry with WeChat Pay, each with its own client: every merchant whose settings ask
 * for it once the application is ready, then each merchant added or replaced while the
 * application runs, on a background thread of its own so that
 * {@link WechatPayMerchants#put} never waits for WeChat Pay. A merchant's failure is its
 * own: logged (and at startup thrown when that merchant asked to fail) and shown by
 * {@link #find(String)} and {@link #problem(String)}, while the others register.
 *
 * @since 0.1.0
 */
public final class NotificationUrlRegistrars
		implements ApplicationListener<ApplicationReadyEvent>, MerchantChangeListener, AutoCloseable {

	private static final Log logger = LogFactory.getLog(NotificationUrlRegistrars.class);

	private final WechatPayMerchants merchants;

	private final Function<MerchantDefinition, Optional<NotificationUrlRegistrar>> registrarOf;

	private final Map<String, Slot> slots = new ConcurrentHashMap<>();

	private boolean ready;

	private boolean closed;

	private @Nullable ExecutorService background;

	private NotificationUrlRegistrars(WechatPayMerchants merchants,
			Function<MerchantDefinition, Optional<NotificationUrlRegistrar>> registrarOf) {
		this.merchants = Objects.requireNonNull(merchants, "merchants");
		this.registrarOf = Objects.requireNonNull(registrarOf, "registrarOf");
		for (MerchantDefinition definition : merchants.definitions()) {
			this.slots.put(definition.name(), new Slot(definition, registrarOf.apply(definition).orElse(null), null));
		}
	}

	/**
	 * Creates the registrars of the merchants in the registry now, and follows the
	 * registry from then on; a merchant whose registration cannot work (say its URL
	 * breaks WeChat Pay's rules) fails here, at startup.
	 * @param merchants the registry
	 * @param registrarOf decides from a merchant's settings whether and where it
	 * registers: its registrar, or empty when it registers nothing; throws when its
	 * settings cannot work, naming the property
	 * @return the registrars
	 */
	public static NotificationUrlRegistrars forRegistry(WechatPayMerchants merchants,
			Function<MerchantDefinition, Optional<NotificationUrlRegistrar>> registrarOf) {
		NotificationUrlRegistrars registrars = new NotificationUrlRegistrars(merchants, registrarOf);
		merchants.addListener(registrars);
		return registrars;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		registerAll();
	}

	/**
	 * Registers every merchant's URL now, on this thread, and from then on registers each
	 * merchant added or replaced in the registry in the background.
	 * @throws NotificationUrlRegistrationException after every merchant was tried, for
	 * the first merchant that failed and asked to stop the application
	 */
	public void registerAll() {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.ready = true;
			catchUp();
		}
		NotificationUrlRegistrationException first = null;
		for (NotificationUrlRegistrar registrar : getRegistrars()) {
			try {
				registrar.register();
			}
			catch (NotificationUrlRegistrationException ex) {
				first = (first != null) ? first : ex;
			}
		}
		if (first != null) {
			throw first;
		}
	}

	@Override
	public void merchantAdded(MerchantDefinition merchant) {
		changed(merchant);
	}

	@Override
	public void merchantReplaced(MerchantDefinition previous, MerchantDefinition current) {
		changed(current);
	}

	@Override
	public synchronized void merchantRemoved(MerchantDefinition merchant) {
		this.slots.remove(merchant.name());
	}

	/**
	 * The registrars, one per merchant that registers, sorted by merchant name.
	 * @return the registrars
	 */
	public List<NotificationUrlRegistrar> getRegistrars() {
		return new TreeMap<>(this.slots).values().stream().map(Slot::registrar).filter(Objects::nonNull).toList();
	}

	/**
	 * The registrar of a merchant.
	 * @param merchantName the entry name
	 * @return its registrar, or empty when it registers nothing
	 */
	public Optional<NotificationUrlRegistrar> find(String merchantName) {
		return Optional.ofNullable(this.slots.get(merchantName)).map(Slot::registrar);
	}

	/**
	 * Why a merchant added while the application runs cannot register, e.g. it asks to
	 * but no public URL is configured for it.
	 * @param merchantName the entry name
	 * @return the reason (it names the property, never a key), or empty
	 */
	public Optional<String> problem(String merchantName) {
		return Optional.ofNullable(this.slots.get(merchantName)).map(Slot::problem);
	}

	/**
	 * Stops following the registry and stops the registrations still waiting.
	 */
	@Override
	public synchronized void close() {
		this.closed = true;
		this.merchants.removeListener(this);
		if (this.background != null) {
			this.background.shutdownNow();
		}
	}

	@Override
	public String toString() {
		return "NotificationUrlRegistrars" + getRegistrars();
	}

	// Told on the thread that changed the registry: decide now, call WeChat Pay later.
	private synchronized void changed(MerchantDefinition definition) {
		Slot slot = decide(definition);
		this.slots.put(definition.name(), slot);
		NotificationUrlRegistrar registrar = slot.registrar();
		// Before the application is ready, registerAll registers it.
		if (registrar != null && this.ready && !this.closed) {
			background().execute(() -> registerInBackground(definition.name(), registrar));
		}
	}

	private void registerInBackground(String name, NotificationUrlRegistrar registrar) {
		if (find(name).orElse(null) != registrar) {
			// Replaced or removed while it waited: its successor registers, if any.
			return;
		}
		try {
			registrar.register();
		}
		catch (RuntimeException ex) {
			logger.error("Registering the complaint notification URL " + registrar.getUrl() + " of merchant '" + name
					+ "' with WeChat Pay failed; the merchant is used, notifications go to whatever URL is "
					+ "registered (if any): " + ex.getMessage());
		}
	}

	// Changes made while forRegistry was reading the registry, before it listened.
	private void catchUp() {
		Set<String> names = new HashSet<>();
		for (MerchantDefinition definition : this.merchants.definitions()) {
			names.add(definition.name());
			Slot slot = this.slots.get(definition.name());
			if (slot == null || slot.definition() != definition) {
				this.slots.put(definition.name(), decide(definition));
			}
		}
		this.slots.keySet().retainAll(names);
	}

	private Slot decide(MerchantDefinition definition) {
		try {
			return new Slot(definition, this.registrarOf.apply(definition).orElse(null), null);
		}
		catch (RuntimeException ex) {
			logger.error("The complaint notification URL of merchant '" + definition.name()
					+ "' cannot be registered with WeChat Pay: " + ex.getMessage());
			return new Slot(definition, null, ex.getMessage());
		}
	}

	private ExecutorService background() {
		if (this.background == null) {
			this.background = Executors.newSingleThreadExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "wechatpay-complaint-registration");
				thread.setDaemon(true);
				return thread;
			});
		}
		return this.background;
	}

	/**
	 * What is known of one merchant's registration.
	 *
	 * @param definition the definition it was decided for
	 * @param registrar its registrar, or {@code null} when it registers nothing
	 * @param problem why it cannot register, or {@code null}
	 */
	private record Slot(MerchantDefinition definition, @Nullable NotificationUrlRegistrar registrar,
			@Nullable String problem) {
	}

}
