package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;

import io.github.wechatpaycomplaint.deadline.ComplaintLedger;
import io.github.wechatpaycomplaint.deadline.DeadlineRules;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Builds the REDIS complaint ledger. Loaded only when that ledger is chosen.
 */
final class RedisComplaintLedgers {

	private RedisComplaintLedgers() {
	}

	static ComplaintLedger create(ComplaintDeadlineProperties properties, DeadlineRules rules, Clock clock,
			ListableBeanFactory beanFactory, String storeProperty) {
		// Placeholder until the REDIS ledger lands.
		throw new InvalidComplaintPropertyException(storeProperty, "the REDIS complaint ledger is not available yet",
				"Set " + ComplaintLedgerConfiguration.STORE + "=memory.");
	}

}
