package io.github.wechatpaycomplaint.observability;

import java.time.Duration;

import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.store.CaffeineNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.testsupport.UnavailableStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The de-duplication store's health: UP while it answers, DOWN while it cannot be used.
 */
class DeduplicationStoreHealthIndicatorTests {

	@Test
	void aMemoryStoreIsUp() {
		Health health = new DeduplicationStoreHealthIndicator(
				new CaffeineNotificationDeduplicationStore(10, Duration.ofDays(1)))
			.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("store", "memory");
	}

	@Test
	void aStoreThatCannotBeReachedIsDownThroughTheTimer() {
		NotificationDeduplicationStore down = new UnavailableStore(() -> new IllegalStateException("database down"));
		Health health = new DeduplicationStoreHealthIndicator(
				new TimedNotificationDeduplicationStore(down, new SimpleMeterRegistry()))
			.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("store", "custom")
			.containsEntry("error", "IllegalStateException: database down");
	}

}
