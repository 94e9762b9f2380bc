package io.github.wechatpaycomplaint.notification.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.wechatpaycomplaint.notification.NotificationClaim;
import io.github.wechatpaycomplaint.notification.NotificationClaim.Status;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationKey;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every {@link NotificationDeduplicationStore} must do; one subclass per
 * implementation.
 */
abstract class NotificationDeduplicationStoreContractTests {

	private static final Duration LONG = Duration.ofMinutes(10);

	private static final Duration SHORT = Duration.ofMillis(400);

	/**
	 * A store; several calls must return stores that share their data, like two instances
	 * of an application.
	 */
	protected abstract NotificationDeduplicationStore store();

	private static String newId() {
		return "contract-" + UUID.randomUUID();
	}

	@Test
	void firstClaimWinsAndTheNextSeesItInProgress() {
		String id = newId();
		NotificationClaim first = store().claim(id, LONG);
		assertThat(first.status()).isEqualTo(Status.CLAIMED);
		assertThat(first.token()).isNotBlank();
		assertThat(store().claim(id, LONG).status()).isEqualTo(Status.IN_PROGRESS);
	}

	@Test
	void doneIdIsADuplicate() {
		String id = newId();
		NotificationClaim claim = store().claim(id, LONG);
		assertThat(store().markDone(claim, LONG)).isTrue();
		assertThat(store().claim(id, LONG).status()).isEqualTo(Status.DUPLICATE);
	}

	@Test
	void releasedIdCanBeClaimedAgain() {
		String id = newId();
		store().release(store().claim(id, LONG));
		NotificationClaim again = store().claim(id, LONG);
		assertThat(again.status()).isEqualTo(Status.CLAIMED);
		assertThat(store().markDone(again, LONG)).isTrue();
		assertThat(store().claim(id, LONG).status()).isEqualTo(Status.DUPLICATE);
	}

	@Test
	void releaseDoesNotForgetADoneId() {
		String id = newId();
		NotificationClaim claim = store().claim(id, LONG);
		store().markDone(claim, LONG);
		store().release(claim);
		assertThat(store().claim(id, LONG).status()).isEqualTo(Status.DUPLICATE);
	}

	@Test
	void theSameNotificationIdOfTwoMerchantsIsTwoNotifications() {
		String id = UUID.randomUUID().toString();
		NotificationClaim first = store().claim(NotificationDeduplicationKey.of("1900000109", id), LONG);
		assertThat(store().markDone(first, LONG)).isTrue();
		NotificationClaim second = store().claim(NotificationDeduplicationKey.of("1900000110", id), LONG);
		assertThat(second.status()).isEqualTo(Status.CLAIMED);
		assertThat(store().markDone(second, LONG)).isTrue();
		assertThat(store().claim(NotificationDeduplicationKey.of("1900000109", id), LONG).status())
			.isEqualTo(Status.DUPLICATE);
		assertThat(store().claim(NotificationDeduplicationKey.of("1900000110", id), LONG).status())
			.isEqualTo(Status.DUPLICATE);
	}

	// The longest ids a merchant can have (32 characters, 64 for a notification id) still
	// give keys the store takes, and keep merchants apart.
	@Test
	void keysOfTheLongestMerchantAndNotificationIdsFitAndStayApart() {
		String id = "n".repeat(28) + UUID.randomUUID();
		String merchantA = "a".repeat(31) + "1";
		String merchantB = "a".repeat(31) + "2";
		NotificationClaim first = store().claim(NotificationDeduplicationKey.of(merchantA, id), LONG);
		assertThat(first.status()).isEqualTo(Status.CLAIMED);
		assertThat(store().markDone(first, LONG)).isTrue();
		assertThat(store().claim(NotificationDeduplicationKey.of(merchantB, id), LONG).status())
			.isEqualTo(Status.CLAIMED);
		assertThat(store().claim(NotificationDeduplicationKey.of(merchantA, id), LONG).status())
			.isEqualTo(Status.DUPLICATE);
	}

	@Test
	void idsAreIndependent() {
		NotificationClaim first = store().claim(newId(), LONG);
		store().markDone(first, LONG);
		assertThat(store().claim(newId(), LONG).status()).isEqualTo(Status.CLAIMED);
	}

	@Test
	void claimWhoseLeaseRanOutCanBeTakenOver() {
		String id = newId();
		NotificationClaim stale = store().claim(id, SHORT);
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> store().claim(id, LONG).status() == Status.CLAIMED);
		assertThat(store().claim(id, LONG).status()).isEqualTo(Status.IN_PROGRESS);
		// The instance whose lease ran out can neither finish nor release the new owner's
		// claim.
		assertThat(store().markDone(stale, LONG)).isFalse();
		store().release(stale);
		assertThat(store().claim(id, LONG).status()).isEqualTo(Status.IN_PROGRESS);
	}

	@Test
	void doneIdIsForgottenAfterItsTimeToLive() {
		String id = newId();
		NotificationClaim claim = store().claim(id, LONG);
		store().markDone(claim, SHORT);
		assertThat(store().claim(id, LONG).status()).isEqualTo(Status.DUPLICATE);
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> store().claim(id, LONG).status() == Status.CLAIMED);
	}

	@Test
	void concurrentClaimsHaveOneWinner() throws Exception {
		String id = newId();
		int threads = 32;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Status>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				NotificationDeduplicationStore store = store();
				futures.add(executor.submit(() -> {
					start.await();
					return store.claim(id, LONG).status();
				}));
			}
			start.countDown();
			List<Status> statuses = new ArrayList<>();
			for (Future<Status> future : futures) {
				statuses.add(future.get());
			}
			assertThat(statuses).filteredOn((status) -> status == Status.CLAIMED).hasSize(1);
			assertThat(statuses).containsOnly(Status.CLAIMED, Status.IN_PROGRESS);
		}
		finally {
			executor.shutdownNow();
		}
	}

}
