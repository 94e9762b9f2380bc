package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import io.github.wechatpaycomplaint.api.ComplaintActivityListener;
import io.github.wechatpaycomplaint.deadline.ComplaintDeadlines;
import io.github.wechatpaycomplaint.deadline.ComplaintLedger;
import io.github.wechatpaycomplaint.deadline.ComplaintLedgerFeeder;
import io.github.wechatpaycomplaint.deadline.DeadlineRules;
import io.github.wechatpaycomplaint.deadline.DeadlineWatchScheduler;
import io.github.wechatpaycomplaint.deadline.DeadlineWatcher;
import io.github.wechatpaycomplaint.deadline.LatestDeadlineSnapshot;
import io.github.wechatpaycomplaint.deadline.LedgerComplaintActivity;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.SingleNotificationMerchants;
import io.github.wechatpaycomplaint.observability.ComplaintDeadlineMetrics;
import io.github.wechatpaycomplaint.observability.ComplaintDeadlinesHealthIndicator;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of the complaint deadlines when
 * {@code wechatpay.complaint.deadlines.enabled=true}: a ledger (memory, JDBC or Redis)
 * fed by notifications, reconciliation and every merchant's complaint client (the
 * registry's merchants through ComplaintMerchantsAutoConfiguration), a watcher scanning
 * it on a schedule, the {@link ComplaintDeadlines} API, and, when present, a health
 * indicator and gauges.
 *
 * @since 0.1.0
 */
@AutoConfiguration(
		after = { ComplaintClientAutoConfiguration.class, ComplaintNotificationAutoConfiguration.class,
				ComplaintReconciliationAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnBooleanProperty(name = ComplaintProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = ComplaintDeadlineProperties.PREFIX + ".enabled")
@EnableConfigurationProperties(ComplaintDeadlineProperties.class)
@Import(ComplaintLedgerConfiguration.class)
public final class ComplaintDeadlineAutoConfiguration {

	/**
	 * Name of the health indicator bean; Actuator shows it as
	 * {@code wechatpayComplaintDeadlines}.
	 */
	public static final String HEALTH_INDICATOR_BEAN_NAME = "wechatpayComplaintDeadlinesHealthIndicator";

	// A dead instance's scan lock holds one interval and a minute: another instance
	// takes over soon, and a slow scan rarely overlaps the next.
	private static final Duration LOCK_GRACE = Duration.ofMinutes(1);

	@Bean
	@ConditionalOnMissingBean
	DeadlineRules complaintDeadlineRules(ComplaintDeadlineProperties properties) {
		return properties.toRules();
	}

	@Bean
	@ConditionalOnMissingBean
	ComplaintLedgerFeeder complaintLedgerFeeder(ComplaintLedger ledger, DeadlineRules rules,
			ApplicationEventPublisher publisher, ObjectProvider<Clock> clock,
			ObjectProvider<DeadlineWatchScheduler> scheduler) {
		// A complaint learned past a threshold is reported at once, not at the next scan.
		return new ComplaintLedgerFeeder(ledger, rules, publisher, clock.getIfUnique(Clock::systemUTC),
				() -> scheduler.ifAvailable(DeadlineWatchScheduler::scanSoon));
	}

	@Bean
	@ConditionalOnMissingBean
	DeadlineWatcher complaintDeadlineWatcher(ComplaintDeadlineProperties properties, ComplaintLedger ledger,
			DeadlineRules rules, ApplicationEventPublisher publisher, ObjectProvider<Clock> clock,
			ObjectProvider<NotificationDeduplicationStore> lockStore) {
		return new DeadlineWatcher(ledger, rules, publisher, clock.getIfUnique(Clock::systemUTC),
				properties.getBatchSize(), lockStore.getIfUnique(), properties.getCheckInterval().plus(LOCK_GRACE));
	}

	@Bean
	@ConditionalOnMissingBean
	ComplaintDeadlines complaintDeadlines(ComplaintLedger ledger, DeadlineRules rules, ObjectProvider<Clock> clock) {
		return new ComplaintDeadlines(ledger, rules, clock.getIfUnique(Clock::systemUTC));
	}

	/**
	 * What the gauges and the health show, taken after each scan rather than per scrape
	 * or health request. LISTED is a constant (inlined): no Actuator class is loaded.
	 */
	@Bean
	@ConditionalOnMissingBean
	LatestDeadlineSnapshot complaintDeadlineSnapshot(ComplaintDeadlines deadlines) {
		return new LatestDeadlineSnapshot(deadlines, ComplaintDeadlinesHealthIndicator.LISTED);
	}

	@Bean
	@ConditionalOnMissingBean
	DeadlineWatchScheduler complaintDeadlineWatchScheduler(ComplaintDeadlineProperties properties,
			DeadlineWatcher watcher, ComplaintLedger ledger, LatestDeadlineSnapshot snapshot,
			ObjectProvider<ComplaintDeadlineMetrics> metrics) {
		return new DeadlineWatchScheduler(watcher, ledger, properties.getCheckInterval(),
				properties.getCompletedRetention(), properties.getMaxAge(), () -> {
					snapshot.refresh();
					metrics.ifAvailable(ComplaintDeadlineMetrics::refresh);
				});
	}

	/**
	 * The single merchant's complaint client tells the ledger about its detail reads,
	 * replies and completions.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(WechatPayMerchant.class)
	@Conditional(OnSingleMerchantPropertiesCondition.class)
	static class SingleMerchantActivity {

		@Bean
		@ConditionalOnMissingBean
		ComplaintActivityListener complaintDeadlineActivity(ComplaintLedgerFeeder feeder, WechatPayMerchant merchant,
				ObjectProvider<Clock> clock) {
			return new LedgerComplaintActivity(feeder, SingleNotificationMerchants.DEFAULT_NAME,
					merchant.getMerchantId(), clock.getIfUnique(Clock::systemUTC));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	@EnableConfigurationProperties(ComplaintMetricsProperties.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ComplaintDeadlineMetrics complaintDeadlineMetrics(LatestDeadlineSnapshot snapshot, MeterRegistry registry,
				ComplaintMetricsProperties properties) {
			return new ComplaintDeadlineMetrics(snapshot, registry, properties.isMerchantTag());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("wechatpay-complaint-deadlines")
	static class HealthConfiguration {

		@Bean(HEALTH_INDICATOR_BEAN_NAME)
		@ConditionalOnMissingBean(name = HEALTH_INDICATOR_BEAN_NAME)
		ComplaintDeadlinesHealthIndicator wechatpayComplaintDeadlinesHealthIndicator(LatestDeadlineSnapshot snapshot,
				ComplaintDeadlineProperties properties, ObjectProvider<Clock> clock) {
			return new ComplaintDeadlinesHealthIndicator(snapshot, clock.getIfUnique(Clock::systemUTC),
					properties.isDownWhenOverdue());
		}

	}

}
