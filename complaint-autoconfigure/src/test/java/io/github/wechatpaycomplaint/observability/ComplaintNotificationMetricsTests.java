package io.github.wechatpaycomplaint.observability;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintObservabilityAutoConfiguration;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.ApplicationListener;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications are counted by outcome and refusal reason, and the de-duplication store
 * is timed.
 */
class ComplaintNotificationMetricsTests {

	@Test
	void countsEachOutcomeAndTimesTheStore() {
		SignedNotificationBuilder builder = NotificationContexts
			.notificationWithVectorKeys(java.time.Instant.now().getEpochSecond());
		NotificationContexts.webRunner()
			.withConfiguration(AutoConfigurations.of(ComplaintObservabilityAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build();
				mvc.perform(NotificationContexts.post(builder.id("first").build()));
				mvc.perform(NotificationContexts.post(builder.id("first").build()));
				mvc.perform(NotificationContexts.post(
						builder.id("forged").build().withBody("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(count(registry, "handled", "none")).isEqualTo(1);
				assertThat(count(registry, "duplicate", "none")).isEqualTo(1);
				assertThat(count(registry, "refused", "INVALID_SIGNATURE")).isEqualTo(1);
				assertThat(count(registry, "listener_failed", "LISTENER_FAILED")).isZero();
				assertThat(context.getBean(NotificationDeduplicationStore.class))
					.isInstanceOf(TimedNotificationDeduplicationStore.class);
				assertThat(registry.get(TimedNotificationDeduplicationStore.METRIC_NAME)
					.tags("operation", "claim", "store", "memory", "outcome", "success")
					.timer()
					.count()).isEqualTo(2);
				assertThat(registry.get(TimedNotificationDeduplicationStore.METRIC_NAME)
					.tags("operation", "mark_done", "store", "memory", "outcome", "success")
					.timer()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void countsAFailedListenerAndTheRelease() {
		SignedNotificationBuilder builder = NotificationContexts
			.notificationWithVectorKeys(java.time.Instant.now().getEpochSecond());
		NotificationContexts.webRunner()
			.withConfiguration(AutoConfigurations.of(ComplaintObservabilityAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean("failing", ApplicationListener.class, () -> (event) -> {
				if (event instanceof io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent) {
					throw new IllegalStateException("listener down");
				}
			})
			.run((context) -> {
				MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build();
				assertThat(
						mvc.perform(NotificationContexts.post(builder.build())).andReturn().getResponse().getStatus())
					.isEqualTo(500);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(count(registry, "listener_failed", "LISTENER_FAILED")).isEqualTo(1);
				assertThat(registry.get(TimedNotificationDeduplicationStore.METRIC_NAME)
					.tags("operation", "release", "store", "memory", "outcome", "success")
					.timer()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void aBeanNamedLikeTheStoreTimerSwitchesTheTimingOff() {
		NotificationContexts.webRunner()
			.withConfiguration(AutoConfigurations.of(ComplaintObservabilityAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(ComplaintObservabilityAutoConfiguration.STORE_TIMER_BEAN_NAME,
					org.springframework.beans.factory.config.BeanPostProcessor.class,
					() -> new org.springframework.beans.factory.config.BeanPostProcessor() {
					})
			.run((context) -> assertThat(context.getBean(NotificationDeduplicationStore.class))
				.isNotInstanceOf(TimedNotificationDeduplicationStore.class));
	}

	private static double count(MeterRegistry registry, String outcome, String reason) {
		return registry.get(ComplaintNotificationMetrics.METRIC_NAME)
			.tags("outcome", outcome, "reason", reason)
			.counter()
			.count();
	}

}
