package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;

import io.github.wechatpaycomplaint.deadline.ComplaintLedger;
import io.github.wechatpaycomplaint.deadline.DeadlineRules;
import io.github.wechatpaycomplaint.deadline.MemoryComplaintLedger;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The complaint ledger chosen by {@code wechatpay.complaint.deadlines.store}, or, when
 * that is unset, by the notification de-duplication store's setting, so that an
 * application whose instances share de-duplication records shares its ledger too. The
 * JDBC and Redis ledgers are built by classes loaded only when chosen, so that neither
 * library is needed otherwise; a missing library or connection fails at startup naming
 * the property that chose it.
 */
@Configuration(proxyBeanMethods = false)
class ComplaintLedgerConfiguration {

	static final String STORE = ComplaintDeadlineProperties.PREFIX + ".store";

	static final String DEDUPLICATION_STORE = NotificationDeduplicationProperties.PREFIX + ".store";

	private static final String JDBC_TEMPLATE = "org.springframework.jdbc.core.JdbcTemplate";

	private static final String STRING_REDIS_TEMPLATE = "org.springframework.data.redis.core.StringRedisTemplate";

	@Bean
	@ConditionalOnMissingBean
	ComplaintLedger complaintLedger(ComplaintDeadlineProperties properties, DeadlineRules rules,
			ObjectProvider<Clock> clock, Environment environment, ListableBeanFactory beanFactory) {
		ChosenStore chosen = ChosenStore.of(properties, environment);
		Clock ledgerClock = clock.getIfUnique(Clock::systemUTC);
		ClassLoader classLoader = classLoader(beanFactory);
		return switch (chosen.store()) {
			case MEMORY -> new MemoryComplaintLedger(rules, ledgerClock);
			case JDBC -> {
				requireLibrary(JDBC_TEMPLATE, classLoader, chosen, "JDBC", "spring-jdbc",
						"org.springframework.boot:spring-boot-starter-jdbc and a JDBC driver");
				yield JdbcComplaintLedgers.create(properties, rules, ledgerClock, beanFactory, chosen.property());
			}
			case REDIS -> {
				requireLibrary(STRING_REDIS_TEMPLATE, classLoader, chosen, "REDIS", "Spring Data Redis",
						"org.springframework.boot:spring-boot-starter-data-redis");
				yield RedisComplaintLedgers.create(properties, rules, ledgerClock, beanFactory, chosen.property());
			}
		};
	}

	// The application's class loader, not this class's: what the application can load
	// decides.
	private static @Nullable ClassLoader classLoader(ListableBeanFactory beanFactory) {
		return (beanFactory instanceof ConfigurableBeanFactory configurable) ? configurable.getBeanClassLoader()
				: ComplaintLedgerConfiguration.class.getClassLoader();
	}

	private static void requireLibrary(String className, @Nullable ClassLoader classLoader, ChosenStore chosen,
			String store, String library, String dependency) {
		if (!ClassUtils.isPresent(className, classLoader)) {
			throw new InvalidComplaintPropertyException(chosen.property(),
					"the complaint ledger is " + store + " but " + library + " is not on the classpath",
					"Add " + dependency + " to the application, or set " + STORE + "=memory.");
		}
	}

	/**
	 * The ledger's store and the property that chose it (named in startup failures).
	 */
	record ChosenStore(ComplaintDeadlineProperties.Store store, String property) {

		static ChosenStore of(ComplaintDeadlineProperties properties, Environment environment) {
			ComplaintDeadlineProperties.Store own = properties.getStore();
			if (own != null) {
				return new ChosenStore(own, STORE);
			}
			NotificationDeduplicationProperties.Store deduplication = Binder.get(environment)
				.bind(DEDUPLICATION_STORE, NotificationDeduplicationProperties.Store.class)
				.orElse(NotificationDeduplicationProperties.Store.MEMORY);
			return new ChosenStore(ComplaintDeadlineProperties.Store.valueOf(deduplication.name()),
					DEDUPLICATION_STORE);
		}

	}

}
