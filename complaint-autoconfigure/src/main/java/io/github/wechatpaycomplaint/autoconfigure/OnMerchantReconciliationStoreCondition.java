package io.github.wechatpaycomplaint.autoconfigure;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when the merchants' reconciliation should have a de-duplication store even
 * without the notification endpoint: a reconciliation flag is on in the properties, the
 * default memory store is available (it costs nothing until used), or the application
 * chose a store. Otherwise a store whose library or connection is missing would stop an
 * application that reconciles nothing.
 */
class OnMerchantReconciliationStoreCondition extends AnyNestedCondition {

	OnMerchantReconciliationStoreCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@Conditional(OnMerchantFlagCondition.Reconciliation.class)
	static class ReconciliationFlagOn {

	}

	@ConditionalOnClass(name = "com.github.benmanes.caffeine.cache.Caffeine")
	@ConditionalOnProperty(name = NotificationDeduplicationStoreConfigurations.STORE, havingValue = "memory",
			matchIfMissing = true)
	static class MemoryStoreAvailable {

	}

	@ConditionalOnProperty(name = NotificationDeduplicationStoreConfigurations.STORE)
	static class StoreChosen {

	}

}
