package io.github.wechatpaycomplaint.notification.store;

import java.time.Duration;

import io.github.wechatpaycomplaint.notification.NotificationClaim;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store contract for the in-memory store.
 */
class CaffeineNotificationDeduplicationStoreTests extends NotificationDeduplicationStoreContractTests {

	private final CaffeineNotificationDeduplicationStore store = new CaffeineNotificationDeduplicationStore(10_000,
			Duration.ofMinutes(10));

	@Override
	protected NotificationDeduplicationStore store() {
		return this.store;
	}

	@Test
	void neverDropsAnIdInProgressToMakeRoom() {
		CaffeineNotificationDeduplicationStore small = new CaffeineNotificationDeduplicationStore(2,
				Duration.ofMinutes(10));
		NotificationClaim inProgress = small.claim("in-progress", Duration.ofMinutes(1));
		for (int i = 0; i < 200; i++) {
			NotificationClaim claim = small.claim("handled-" + i, Duration.ofMinutes(1));
			assertThat(small.markDone(claim, Duration.ofMinutes(10))).isTrue();
		}
		assertThat(small.claim("in-progress", Duration.ofMinutes(1)).status())
			.isEqualTo(NotificationClaim.Status.IN_PROGRESS);
		assertThat(small.markDone(inProgress, Duration.ofMinutes(10))).isTrue();
		assertThat(small.claim("in-progress", Duration.ofMinutes(1)).status())
			.isEqualTo(NotificationClaim.Status.DUPLICATE);
		// Handled ids are still bounded: most of the 200 are gone.
		assertThat(small.toString()).matches("CaffeineNotificationDeduplicationStore\\[size=[1-9]\\]");
	}

}
