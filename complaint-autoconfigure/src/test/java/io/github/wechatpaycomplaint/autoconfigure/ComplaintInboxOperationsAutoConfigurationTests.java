package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.notification.inbox.FailedNotifications;
import io.github.wechatpaycomplaint.notification.inbox.InboxPassObserver;
import io.github.wechatpaycomplaint.notification.inbox.InboxWorker;
import io.github.wechatpaycomplaint.notification.inbox.MemoryNotificationInbox;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;
import io.github.wechatpaycomplaint.observability.NotificationInboxEndpoint;
import io.github.wechatpaycomplaint.observability.NotificationInboxHealthIndicator;
import io.github.wechatpaycomplaint.observability.NotificationInboxMetrics;
import io.github.wechatpaycomplaint.observability.NotificationInboxWebEndpointExtension;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.github.wechatpaycomplaint.testsupport.InboxScenes;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each condition of the inbox's metrics, health indicator and Actuator endpoint: all of
 * them in durable processing with Micrometer and Actuator, none in in-request processing,
 * none of what a missing library or a switch leaves out, and the back-off for the
 * application's own; the worker's real passes in the timer.
 */
class ComplaintInboxOperationsAutoConfigurationTests {

	private static final String DURABLE = "wechatpay.complaint.notification.processing=durable";

	private static final String EXPOSED = "management.endpoints.web.exposure.include=" + NotificationInboxEndpoint.ID;

	private static final String INBOX_HEALTH = ComplaintObservabilityAutoConfiguration.INBOX_HEALTH_INDICATOR_BEAN_NAME;

	// What the application's own beans read.
	private static final NotificationInbox OWN_INBOX = new MemoryNotificationInbox(Clock.systemUTC());

	private final WebApplicationContextRunner runner = NotificationContexts.webRunner()
		.withConfiguration(AutoConfigurations.of(ComplaintObservabilityAutoConfiguration.class,
				ComplaintInboxEndpointAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void durableProcessingHasTheMetricsTheHealthIndicatorAndTheExposedEndpoint() {
		this.runner.withPropertyValues(DURABLE, EXPOSED).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(NotificationInboxMetrics.class)
				.hasSingleBean(NotificationInboxEndpoint.class)
				.hasSingleBean(NotificationInboxWebEndpointExtension.class);
			assertThat(context).getBean(INBOX_HEALTH).isInstanceOf(NotificationInboxHealthIndicator.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(NotificationInboxMetrics.PENDING).gauge().value()).isZero();
			assertThat(registry.get(NotificationInboxMetrics.PASSES)
				.tags("outcome", "done", "merchant", "default")
				.timer()
				.count()).isZero();
		});
	}

	@Test
	void theTimerCountsTheWorkersRealPasses() {
		SignedNotificationBuilder builder = NotificationContexts
			.notificationWithVectorKeys(Instant.now().getEpochSecond());
		this.runner.withPropertyValues(DURABLE, "wechatpay.complaint.notification.inbox.retry.max-attempts=1")
			.withBean("failsOnComplaintTwo", ApplicationListener.class, () -> (event) -> {
				if (event instanceof ComplaintNotificationEvent notification
						&& "c-2".equals(notification.getComplaintId())) {
					throw new IllegalStateException("listener down");
				}
			})
			.run((context) -> {
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				assertThat(mvc.perform(NotificationContexts.post(builder.id("n-1").complaintId("c-1").build()))
					.andReturn()
					.getResponse()
					.getStatus()).isEqualTo(204);
				assertThat(mvc.perform(NotificationContexts.post(builder.id("n-2").complaintId("c-2").build()))
					.andReturn()
					.getResponse()
					.getStatus()).isEqualTo(204);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				InboxWorker worker = context.getBean(InboxWorker.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> {
					worker.poll();
					return passes(registry, "done") + passes(registry, "parked") == 2;
				});
				assertThat(passes(registry, "done")).isOne();
				assertThat(passes(registry, "parked")).isOne();
				assertThat(registry.get(NotificationInboxMetrics.PENDING).gauge().value()).isZero();
				assertThat(registry.get(NotificationInboxMetrics.FAILED).gauge().value()).isOne();
				Health health = context.getBean(INBOX_HEALTH, HealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("failed", 1L);
			});
	}

	@Test
	void thePassTimerFollowsTheMerchantTagSwitch() {
		this.runner.withPropertyValues(DURABLE, "wechatpay.complaint.metrics.merchant-tag=false").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(NotificationInboxMetrics.PASSES).tags("outcome", "done").timers()).hasSize(1);
			assertThat(registry.find(NotificationInboxMetrics.PASSES).tagKeys("merchant").timers()).isEmpty();
		});
	}

	@Test
	void inRequestProcessingHasNone() {
		this.runner.withPropertyValues(EXPOSED)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(NotificationInboxMetrics.class)
				.doesNotHaveBean(INBOX_HEALTH)
				.doesNotHaveBean(NotificationInboxEndpoint.class)
				.doesNotHaveBean(NotificationInboxWebEndpointExtension.class));
	}

	@Test
	void aDisabledStarterHasNone() {
		this.runner.withPropertyValues(DURABLE, EXPOSED, "wechatpay.complaint.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(NotificationInboxMetrics.class)
				.doesNotHaveBean(INBOX_HEALTH)
				.doesNotHaveBean(NotificationInboxEndpoint.class));
	}

	@Test
	void withoutMicrometerThereAreNoMetricsAndTheWorkerRuns() {
		NotificationContexts.webRunner()
			.withConfiguration(AutoConfigurations.of(ComplaintObservabilityAutoConfiguration.class,
					ComplaintInboxEndpointAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.withPropertyValues(DURABLE, EXPOSED)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(NotificationInboxMetrics.class)
					.hasBean(INBOX_HEALTH)
					.hasSingleBean(NotificationInboxEndpoint.class);
				assertThat(context.getBean(InboxWorker.class).isRunning()).isTrue();
			});
	}

	@Test
	void withoutAMeterRegistryThereAreNoMetrics() {
		NotificationContexts.webRunner()
			.withConfiguration(AutoConfigurations.of(ComplaintObservabilityAutoConfiguration.class,
					ComplaintInboxEndpointAutoConfiguration.class))
			.withPropertyValues(DURABLE)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(NotificationInboxMetrics.class)
				.hasBean(INBOX_HEALTH));
	}

	@Test
	void withoutActuatorThereIsNoHealthIndicatorNorEndpoint() {
		this.runner
			// What the conditions look for: Spring Boot's health contributors, and
			// Actuator's endpoint condition (hiding whole packages would also hide what
			// the conditions themselves are made of).
			.withClassLoader(new FilteredClassLoader(HealthIndicator.class, ConditionalOnAvailableEndpoint.class))
			.withPropertyValues(DURABLE, EXPOSED)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(NotificationInboxMetrics.class)
				.doesNotHaveBean(INBOX_HEALTH)
				.doesNotHaveBean(NotificationInboxEndpoint.class)
				.doesNotHaveBean(NotificationInboxWebEndpointExtension.class));
	}

	@Test
	void theEndpointIsNotAvailableUntilExposed() {
		this.runner.withPropertyValues(DURABLE)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(NotificationInboxEndpoint.class)
				.doesNotHaveBean(NotificationInboxWebEndpointExtension.class)
				.hasBean(INBOX_HEALTH));
	}

	@Test
	void theEndpointIsNotAvailableWithoutAccess() {
		this.runner
			.withPropertyValues(DURABLE, EXPOSED,
					"management.endpoint." + NotificationInboxEndpoint.ID + ".access=NONE")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NotificationInboxEndpoint.class));
	}

	@Test
	void theHealthIndicatorFollowsTheStartersHealthSwitch() {
		this.runner.withPropertyValues(DURABLE, "management.health.wechatpay-complaint.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(INBOX_HEALTH)
				.hasSingleBean(NotificationInboxMetrics.class));
	}

	@Test
	void parkedEntriesTakeTheConfiguredStatus() {
		this.runner
			.withPropertyValues(DURABLE, "wechatpay.complaint.health.inbox-failed-status=OUT_OF_SERVICE",
					"wechatpay.complaint.notification.inbox.poll-interval=1h")
			.run((context) -> {
				HealthIndicator health = context.getBean(INBOX_HEALTH, HealthIndicator.class);
				assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
				InboxScenes.park(context.getBean(NotificationInbox.class), "default", "n-1", "c-1");
				assertThat(health.health(true).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			});
	}

	@Test
	void aBlankInboxFailedStatusIsRefused() {
		this.runner.withPropertyValues(DURABLE, "wechatpay.complaint.health.inbox-failed-status= ")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("inboxFailedStatus"));
	}

	@Test
	void backsOffForTheApplicationsOwn() {
		this.runner.withPropertyValues(DURABLE, EXPOSED)
			.withBean("myMetrics", NotificationInboxMetrics.class,
					() -> new NotificationInboxMetrics(new SimpleMeterRegistry(), OWN_INBOX, Clock.systemUTC(), false,
							List.of()))
			.withBean(INBOX_HEALTH, HealthIndicator.class, () -> () -> Health.unknown().build())
			.withBean("myEndpoint", NotificationInboxEndpoint.class,
					() -> new NotificationInboxEndpoint(new FailedNotifications(OWN_INBOX), OWN_INBOX,
							Clock.systemUTC()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).getBean(NotificationInboxMetrics.class).isSameAs(context.getBean("myMetrics"));
				assertThat(context.getBean(INBOX_HEALTH, HealthIndicator.class).health(true).getStatus())
					.isEqualTo(Status.UNKNOWN);
				assertThat(context).getBean(NotificationInboxEndpoint.class).isSameAs(context.getBean("myEndpoint"));
				assertThat(context).hasSingleBean(NotificationInboxWebEndpointExtension.class);
			});
	}

	@Test
	void everyPassObserverHearsOfEachPass() {
		List<String> heard = new CopyOnWriteArrayList<>();
		this.runner.withPropertyValues(DURABLE)
			.withBean("myObserver", InboxPassObserver.class,
					() -> (merchantName, outcome, duration) -> heard.add(merchantName + ":" + outcome))
			.run((context) -> {
				context.getBean(NotificationInbox.class).record(InboxScenes.notification("default", "n-1", "c-1"));
				InboxWorker worker = context.getBean(InboxWorker.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> {
					worker.poll();
					return !heard.isEmpty() && passes(registry, "done") == 1;
				});
				assertThat(heard).containsExactly("default:DONE");
			});
	}

	private static double passes(MeterRegistry registry, String outcome) {
		return registry.get(NotificationInboxMetrics.PASSES)
			.tags("outcome", outcome)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

}
