package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static io.github.wechatpaycomplaint.notification.inbox.InboxNotifications.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Exponential back-off with jitter, capped, and when an entry is used up.
 */
class InboxRetryPolicyTests {

	private final InboxRetryPolicy policy = new InboxRetryPolicy(Duration.ofSeconds(10), 2, Duration.ofMinutes(1), 0.5,
			4, Duration.ofHours(1));

	@Test
	void delaysGrowExponentiallyUpToTheCap() {
		assertThat(this.policy.delay(1, 0)).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.policy.delay(2, 0)).isEqualTo(Duration.ofSeconds(20));
		assertThat(this.policy.delay(3, 0)).isEqualTo(Duration.ofSeconds(40));
		assertThat(this.policy.delay(4, 0)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.policy.delay(40, 0)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void jitterAlwaysLeavesADelay() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new InboxRetryPolicy(Duration.ofSeconds(10), 2, Duration.ofMinutes(1), 1, 4, Duration.ofHours(1)))
			.withMessageContaining("jitter");
		InboxRetryPolicy tiny = new InboxRetryPolicy(Duration.ofMillis(1), 1, Duration.ofMillis(1), 0.9, 4,
				Duration.ofHours(1));
		assertThat(tiny.delay(1, 0.999)).isEqualTo(Duration.ofMillis(1));
	}

	@Test
	void jitterTakesUpToItsShareOffTheDelay() {
		assertThat(this.policy.delay(2, 0.5)).isEqualTo(Duration.ofSeconds(15));
		assertThat(this.policy.delay(2, 0.999)).isGreaterThan(Duration.ofSeconds(10))
			.isLessThan(Duration.ofMillis(10_100));
	}

	@Test
	void usedUpByAttemptsOrByAge() {
		Instant since = Instant.parse("2025-06-13T01:00:00Z");
		assertThat(this.policy.exhausted(entry(3, since), since.plusSeconds(60))).isFalse();
		assertThat(this.policy.exhausted(entry(4, since), since.plusSeconds(60))).isTrue();
		assertThat(this.policy.exhausted(entry(1, since), since.plus(Duration.ofMinutes(59)))).isFalse();
		assertThat(this.policy.exhausted(entry(1, since), since.plus(Duration.ofHours(1)))).isTrue();
	}

	@Test
	void refusesSettingsThatCannotWork() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InboxRetryPolicy(Duration.ofMinutes(2), 2,
				Duration.ofMinutes(1), 0.5, 4, Duration.ofHours(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new InboxRetryPolicy(Duration.ofSeconds(1), 0.5,
				Duration.ofMinutes(1), 0.5, 4, Duration.ofHours(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new InboxRetryPolicy(Duration.ofSeconds(1), 2,
				Duration.ofMinutes(1), 1.5, 4, Duration.ofHours(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new InboxRetryPolicy(Duration.ofSeconds(1), 2,
				Duration.ofMinutes(1), 0.5, 0, Duration.ofHours(1)));
	}

	private static InboxEntry entry(int attempts, Instant since) {
		return new InboxEntry(notification("n-1", "c-1", 0), 1, InboxEntry.Status.PENDING, attempts, since, null,
				"token");
	}

}
