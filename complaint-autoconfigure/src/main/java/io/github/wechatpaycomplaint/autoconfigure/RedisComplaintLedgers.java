package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;

import io.github.wechatpaycomplaint.deadline.ComplaintLedger;
import io.github.wechatpaycomplaint.deadline.DeadlineRules;
import io.github.wechatpaycomplaint.deadline.store.RedisComplaintLedger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Builds the REDIS complaint ledger on the application's Redis, opens its connection and
 * recomputes the next checks written under other rules. Loaded only when that ledger is
 * chosen.
 */
final class RedisComplaintLedgers {

	static final String KEY_PREFIX = ComplaintDeadlineProperties.PREFIX + ".redis.key-prefix";

	private static final Log logger = LogFactory.getLog(RedisComplaintLedgers.class);

	private RedisComplaintLedgers() {
	}

	static ComplaintLedger create(ComplaintDeadlineProperties properties, DeadlineRules rules, Clock clock,
			ListableBeanFactory beanFactory, String storeProperty) {
		StringRedisTemplate redis = ApplicationRedis.template(beanFactory.getBeanProvider(StringRedisTemplate.class),
				beanFactory.getBeanProvider(RedisConnectionFactory.class), storeProperty, "the complaint ledger",
				"set " + ComplaintLedgerConfiguration.STORE + "=memory");
		String keyPrefix = properties.getRedis().getKeyPrefix();
		RedisClusterKeyPrefixCheck.check(redis.getConnectionFactory(), keyPrefix, KEY_PREFIX);
		RedisComplaintLedger ledger = new RedisComplaintLedger(redis, keyPrefix, rules, clock,
				properties.getOperationTimeout());
		ApplicationRedis.connect(ledger::checkAvailable, "the complaint ledger");
		warnOfDurabilityRisks(ledger);
		realign(ledger);
		return ledger;
	}

	/**
	 * Warns when Redis is set up to lose complaints; a Redis that cannot be read now (or
	 * refuses INFO, as some managed ones do) is not checked.
	 */
	private static void warnOfDurabilityRisks(RedisComplaintLedger ledger) {
		try {
			for (String risk : ledger.durabilityRisks()) {
				logger.warn("The Redis complaint ledger may lose complaints, whose deadlines are then not watched "
						+ "until reconciliation lists them again: " + risk);
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read how Redis persists and evicts: " + ex);
		}
	}

	/**
	 * Recomputes the next checks stored under other rules (a deployment changed them). A
	 * Redis that does not answer now does not stop startup: those complaints are
	 * corrected when a fact about them is next recorded.
	 */
	private static void realign(RedisComplaintLedger ledger) {
		try {
			int realigned = ledger.realign();
			if (realigned > 0) {
				logger.info("Recomputed the next deadline check of " + realigned
						+ " open complaints recorded under other deadline rules");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not recompute the next deadline checks recorded under other deadline rules ("
					+ ex.getMessage() + "); they are corrected as facts about those complaints arrive");
		}
	}

}
