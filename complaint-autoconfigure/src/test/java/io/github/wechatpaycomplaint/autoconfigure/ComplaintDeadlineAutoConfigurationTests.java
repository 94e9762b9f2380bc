package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wechatpaycomplaint.api.ComplaintActivityListener;
import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.deadline.ComplaintDeadlines;
import io.github.wechatpaycomplaint.deadline.ComplaintFact;
import io.github.wechatpaycomplaint.deadline.ComplaintLedger;
import io.github.wechatpaycomplaint.deadline.ComplaintLedgerFeeder;
import io.github.wechatpaycomplaint.deadline.ComplaintRef;
import io.github.wechatpaycomplaint.deadline.DeadlineRules;
import io.github.wechatpaycomplaint.deadline.DeadlineWatchScheduler;
import io.github.wechatpaycomplaint.deadline.DeadlineWatcher;
import io.github.wechatpaycomplaint.deadline.LatestDeadlineSnapshot;
import io.github.wechatpaycomplaint.deadline.LedgerComplaintActivity;
import io.github.wechatpaycomplaint.deadline.MemoryComplaintLedger;
import io.github.wechatpaycomplaint.deadline.event.ComplaintDeadlineEvent;
import io.github.wechatpaycomplaint.deadline.event.FirstReplyOverdueEvent;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.observability.ComplaintDeadlineMetrics;
import io.github.wechatpaycomplaint.observability.ComplaintDeadlinesHealthIndicator;
import io.github.wechatpaycomplaint.reconciliation.ComplaintReconciledEvent;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.test.util.ReflectionTestUtils;

import static io.github.wechatpaycomplaint.autoconfigure.StartupFailureAssertions.assertInvalidProperty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every condition of the deadlines' auto-configuration, and the properties it refuses.
 */
class ComplaintDeadlineAutoConfigurationTests {

	private static final String PREFIX = "wechatpay.complaint.deadlines.";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ComplaintDeadlineAutoConfiguration.class))
		.withPropertyValues(PREFIX + "check-interval=1h");

	@Test
	void offByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(ComplaintLedger.class)
			.doesNotHaveBean(DeadlineWatcher.class)
			.doesNotHaveBean(ComplaintDeadlineProperties.class));
	}

	@Test
	void offWhenTheStarterIsOff() {
		this.contextRunner.withPropertyValues(PREFIX + "enabled=true", "wechatpay.complaint.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ComplaintLedger.class));
	}

	@Test
	void onWithAMemoryLedgerAndWechatPaysRules() {
		this.contextRunner.withPropertyValues(PREFIX + "enabled=true").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(MemoryComplaintLedger.class)
				.hasSingleBean(ComplaintLedgerFeeder.class)
				.hasSingleBean(DeadlineWatcher.class)
				.hasSingleBean(DeadlineWatchScheduler.class)
				.hasSingleBean(ComplaintDeadlines.class)
				.hasSingleBean(LatestDeadlineSnapshot.class)
				.hasSingleBean(ComplaintDeadlinesHealthIndicator.class)
				.hasBean(ComplaintDeadlineAutoConfiguration.HEALTH_INDICATOR_BEAN_NAME)
				.doesNotHaveBean(ComplaintDeadlineMetrics.class)
				.doesNotHaveBean(ComplaintActivityListener.class);
			assertThat(context.getBean(DeadlineRules.class)).isEqualTo(DeadlineRules.WECHAT_PAY);
			assertThat(context.getBean(DeadlineWatchScheduler.class).isRunning()).isTrue();
		});
	}

	@Test
	void rulesAndSettingsFollowTheProperties() {
		this.contextRunner
			.withPropertyValues(PREFIX + "enabled=true", PREFIX + "first-reply=12h", PREFIX + "resolution=48h",
					PREFIX + "first-reply-warning=2h", PREFIX + "resolution-warning=6h", PREFIX + "batch-size=7")
			.run((context) -> {
				assertThat(context.getBean(DeadlineRules.class)).isEqualTo(new DeadlineRules(Duration.ofHours(12),
						Duration.ofHours(48), Duration.ofHours(2), Duration.ofHours(6)));
				assertThat(ReflectionTestUtils.getField(context.getBean(DeadlineWatcher.class), "batchSize"))
					.isEqualTo(7);
			});
	}

	@Test
	void aComplaintLearnedPastAThresholdIsReportedAtOnceNotAtTheNextScheduledScan() {
		List<ComplaintDeadlineEvent> events = new CopyOnWriteArrayList<>();
		this.contextRunner.withPropertyValues(PREFIX + "enabled=true")
			.withBean("recorder", ApplicationListener.class,
					() -> (ApplicationListener<ComplaintDeadlineEvent>) events::add)
			.run((context) -> {
				Complaint filedYesterday = new JsonMapper().readValue("{\"complaint_id\":\"c1\",\"complaint_time\":\""
						+ OffsetDateTime.now(ZoneOffset.UTC).minusHours(30) + "\",\"complaint_state\":\"PENDING\"}",
						Complaint.class);
				// Let the scan at startup pass first, so that only a requested scan can
				// see it.
				Thread.sleep(1000);
				context.publishEvent(new ComplaintReconciledEvent(this, "default", "1900000001", filedYesterday));
				long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
				while (events.isEmpty() && System.nanoTime() < giveUp) {
					Thread.sleep(20);
				}
				assertThat(events).as("check-interval is 1h: only the requested scan can have published it")
					.singleElement()
					.isInstanceOf(FirstReplyOverdueEvent.class);
			});
	}

	@Test
	void anApplicationsLedgerReplacesTheMemoryLedger() {
		ComplaintLedger own = new MemoryComplaintLedger(DeadlineRules.WECHAT_PAY, java.time.Clock.systemUTC());
		this.contextRunner.withPropertyValues(PREFIX + "enabled=true")
			.withBean("ownLedger", ComplaintLedger.class, () -> own)
			.run((context) -> {
				assertThat(context).hasSingleBean(ComplaintLedger.class);
				assertThat(context.getBean(ComplaintLedger.class)).isSameAs(own);
				assertThat(ReflectionTestUtils.getField(context.getBean(DeadlineWatcher.class), "ledger"))
					.isSameAs(own);
			});
	}

	@Test
	void eachScanRefreshesTheSnapshotTheHealthAndTheGaugesShow() {
		this.contextRunner.withPropertyValues(PREFIX + "enabled=true", PREFIX + "check-interval=1h")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				LatestDeadlineSnapshot snapshot = context.getBean(LatestDeadlineSnapshot.class);
				ComplaintDeadlinesHealthIndicator health = context.getBean(ComplaintDeadlinesHealthIndicator.class);
				assertThat(health.health(true).getDetails()).containsEntry("merchants", Map.of());
				context.getBean(ComplaintLedger.class)
					.record(new ComplaintRef("m", "mch-m", "c1"), new ComplaintFact.Filed(Instant.now()));
				context.getBean(DeadlineWatchScheduler.class).runOnce();
				assertThat(snapshot.get().summaries()).containsOnlyKeys("m");
				assertThat(health.health(true).getDetails()).containsEntry("merchants",
						Map.of("m", Map.of("open", 1, "awaitingFirstReply", 1, "overdue", 0)));
				assertThat(context.getBean(MeterRegistry.class)
					.find(ComplaintDeadlineMetrics.OPEN)
					.tag("merchant", "m")
					.gauge()).isNotNull();
			});
	}

	@Test
	void gaugesWithAMeterRegistryHonouringTheMerchantTag() {
		this.contextRunner.withPropertyValues(PREFIX + "enabled=true", "wechatpay.complaint.metrics.merchant-tag=false")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				assertThat(context).hasSingleBean(ComplaintDeadlineMetrics.class);
				assertThat(context.getBean(MeterRegistry.class)
					.get(ComplaintDeadlineMetrics.OPEN)
					.gauge()
					.getId()
					.getTags()).isEmpty();
			});
	}

	@Test
	void healthIndicatorCanBeSwitchedOffAndDownWhenOverdueIsPassedOn() {
		this.contextRunner
			.withPropertyValues(PREFIX + "enabled=true",
					"management.health.wechatpay-complaint-deadlines.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ComplaintDeadlinesHealthIndicator.class));
		this.contextRunner.withPropertyValues(PREFIX + "enabled=true", PREFIX + "down-when-overdue=true")
			.run((context) -> assertThat(ReflectionTestUtils
				.getField(context.getBean(ComplaintDeadlinesHealthIndicator.class), "downWhenOverdue"))
				.isEqualTo(true));
	}

	@Test
	void theSingleMerchantsClientTellsTheLedger() {
		try (WechatPayStandIn wechatPay = new WechatPayStandIn()) {
			clientRunner(wechatPay).withPropertyValues(PREFIX + "enabled=true", PREFIX + "check-interval=1h")
				.run((context) -> {
					assertThat(context).hasNotFailed().hasSingleBean(LedgerComplaintActivity.class);
					assertThat(
							ReflectionTestUtils.getField(context.getBean(WechatPayComplaintClient.class), "activity"))
						.isSameAs(context.getBean(ComplaintActivityListener.class));
				});
		}
	}

	@Test
	void withoutDeadlinesTheClientTellsNobody() {
		try (WechatPayStandIn wechatPay = new WechatPayStandIn()) {
			clientRunner(wechatPay).run((context) -> assertThat(
					ReflectionTestUtils.getField(context.getBean(WechatPayComplaintClient.class), "activity"))
				.isSameAs(ComplaintActivityListener.NONE));
		}
	}

	@Test
	void refusesAWarningNotShorterThanItsDeadline() {
		this.contextRunner.withPropertyValues(PREFIX + "enabled=true", PREFIX + "first-reply-warning=24h")
			.run((context) -> assertInvalidProperty(context, PREFIX + "first-reply-warning"));
		this.contextRunner.withPropertyValues(PREFIX + "enabled=true", PREFIX + "resolution-warning=3d")
			.run((context) -> assertInvalidProperty(context, PREFIX + "resolution-warning"));
	}

	@Test
	void refusesAResolutionShorterThanTheFirstReplyAndAMaxAgeNotLongerThanTheResolution() {
		this.contextRunner
			.withPropertyValues(PREFIX + "enabled=true", PREFIX + "resolution=20h", PREFIX + "resolution-warning=1h")
			.run((context) -> assertInvalidProperty(context, PREFIX + "resolution"));
		this.contextRunner.withPropertyValues(PREFIX + "enabled=true", PREFIX + "max-age=72h")
			.run((context) -> assertInvalidProperty(context, PREFIX + "max-age"));
	}

	@Test
	void refusesANonPositiveDuration() {
		this.contextRunner.withPropertyValues(PREFIX + "enabled=true", PREFIX + "check-interval=0s")
			.run((context) -> assertInvalidProperty(context, PREFIX + "check-interval"));
	}

	private static ApplicationContextRunner clientRunner(WechatPayStandIn wechatPay) {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				RestClientAutoConfiguration.class, ComplaintClientAutoConfiguration.class,
				ComplaintApiAutoConfiguration.class, ComplaintDeadlineAutoConfiguration.class))
			.withPropertyValues(wechatPay.publicKeyModeProperties());
	}

}
