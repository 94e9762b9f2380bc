package io.github.wechatpaycomplaint.notification.store;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

	@Test
	void aClaimRacingTheMarkDoneOfTheSameIdNeverWinsASecondTime() throws Exception {
		// Each id is claimed by one thread and marked done while another keeps claiming
		// it: in-progress and handled ids live in two maps, and no interleaving of the
		// two
		// may let the second thread claim a handled id.
		int ids = 20_000;
		// Room for every id: eviction for size is not what this test is about.
		CaffeineNotificationDeduplicationStore store = new CaffeineNotificationDeduplicationStore(2L * ids,
				Duration.ofMinutes(10));
		AtomicInteger secondWins = new AtomicInteger();
		CountDownLatch started = new CountDownLatch(2);
		AtomicInteger current = new AtomicInteger(-1);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			Future<?> owner = executor.submit(() -> {
				started.countDown();
				for (int i = 0; i < ids; i++) {
					NotificationClaim claim = store.claim("race-" + i, Duration.ofMinutes(1));
					current.set(i);
					assertThat(store.markDone(claim, Duration.ofMinutes(10))).isTrue();
				}
				return null;
			});
			Future<?> rival = executor.submit(() -> {
				started.countDown();
				int last = -1;
				while (last < ids - 1) {
					last = current.get();
					if (last >= 0 && store.claim("race-" + last, Duration.ofMinutes(1))
						.status() == NotificationClaim.Status.CLAIMED) {
						secondWins.incrementAndGet();
					}
				}
				return null;
			});
			owner.get(1, TimeUnit.MINUTES);
			rival.get(1, TimeUnit.MINUTES);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(secondWins).hasValue(0);
	}

}
