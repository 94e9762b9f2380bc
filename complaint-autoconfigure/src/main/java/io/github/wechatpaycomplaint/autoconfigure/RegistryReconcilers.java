package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.multimerchant.MerchantDefinition;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.reconciliation.ComplaintReconciler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The reconcilers of the merchants in the registry now, asked for by the scheduler at the
 * start of every run: a merchant added while the application runs takes part from the
 * next run, a removed one no longer does. Whether a merchant is reconciled is decided
 * from its settings resolved over the global properties ({@code reconciliation.enabled}),
 * once per definition: a replaced merchant is decided again.
 */
final class RegistryReconcilers implements Supplier<List<ComplaintReconciler>> {

	private static final Log logger = LogFactory.getLog(RegistryReconcilers.class);

	private final WechatPayMerchants merchants;

	private final EntryMerchants entries;

	private final ObjectProvider<NotificationDeduplicationStore> store;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final Duration lockLease;

	private final Map<String, Decision> decisions = new ConcurrentHashMap<>();

	RegistryReconcilers(WechatPayMerchants merchants, EntryMerchants entries,
			ObjectProvider<NotificationDeduplicationStore> store, ApplicationEventPublisher publisher, Clock clock,
			Duration lockLease) {
		this.merchants = merchants;
		this.entries = entries;
		this.store = store;
		this.publisher = publisher;
		this.clock = clock;
		this.lockLease = lockLease;
	}

	@Override
	public List<ComplaintReconciler> get() {
		List<ComplaintReconciler> reconcilers = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (MerchantDefinition definition : this.merchants.definitions()) {
			names.add(definition.name());
			Decision decision = this.decisions.get(definition.name());
			if (decision == null || decision.definition() != definition) {
				decision = new Decision(definition, reconcilerOf(definition));
				this.decisions.put(definition.name(), decision);
			}
			if (decision.reconciler() != null) {
				reconcilers.add(decision.reconciler());
			}
		}
		this.decisions.keySet().retainAll(names);
		return reconcilers;
	}

	// A merchant whose settings cannot work is left out and named, once per definition;
	// the others are reconciled.
	private @Nullable ComplaintReconciler reconcilerOf(MerchantDefinition definition) {
		if (!this.entries.isEntry(definition)) {
			return null;
		}
		String name = definition.name();
		ComplaintReconciliationProperties settings;
		try {
			settings = this.entries.resolve(definition).settings().getReconciliation();
		}
		catch (RuntimeException ex) {
			logger.warn("WeChat Pay merchant '" + name + "' is not reconciled: " + ex.getMessage());
			return null;
		}
		if (!settings.isEnabled()) {
			return null;
		}
		NotificationDeduplicationStore store = this.store.getIfAvailable();
		if (store == null) {
			logger.warn("WeChat Pay merchant '" + name + "' asks for reconciliation, but the application has no "
					+ "NotificationDeduplicationStore to remember what was reported: add Caffeine "
					+ "(com.github.ben-manes.caffeine:caffeine) for the MEMORY store, set "
					+ NotificationDeduplicationStoreConfigurations.STORE + " to JDBC or REDIS, or define a "
					+ "NotificationDeduplicationStore bean");
			return null;
		}
		return new ComplaintReconciler(() -> this.merchants.client(name), store, this.publisher, this.clock, name,
				definition.merchantId(), settings.getLookBackDays(), this.lockLease);
	}

	private record Decision(MerchantDefinition definition, @Nullable ComplaintReconciler reconciler) {
	}

}
