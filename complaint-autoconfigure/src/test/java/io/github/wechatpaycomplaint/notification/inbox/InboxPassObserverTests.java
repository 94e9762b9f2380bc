package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.wechatpaycomplaint.notification.inbox.InboxPassObserver.Outcome;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.wechatpaycomplaint.notification.inbox.InboxNotifications.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker tells its {@link InboxPassObserver} how each pass ended, with the merchant
 * and the duration: done, retried, parked (after the last attempt, or claimed too often),
 * lost (the claim was taken over); an observer that fails changes nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class InboxPassObserverTests {

	private static final Duration LEASE = Duration.ofMinutes(5);

	private final MutableClock clock = MutableClock.atEpochSecond(1_749_776_561L);

	private final MemoryNotificationInbox inbox = new MemoryNotificationInbox(this.clock);

	private final List<Pass> passes = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private volatile Runnable onPublish = () -> {
	};

	private volatile InboxPassObserver observer = (merchantName, outcome, duration) -> this.passes
		.add(new Pass(merchantName, outcome, duration));

	// Two attempts, polled by hand.
	private final InboxWorker worker = new InboxWorker(this.inbox, (event) -> {
		this.onPublish.run();
		if (this.failuresLeft.getAndDecrement() > 0) {
			throw new IllegalStateException("listener down");
		}
	}, new InboxRetryPolicy(Duration.ofSeconds(10), 2, Duration.ofMinutes(5), 0, 2, Duration.ofHours(1)),
			new InboxWorker.Settings(Duration.ofHours(1), 10, 2, LEASE, Duration.ofSeconds(5), Duration.ofDays(8),
					Duration.ofHours(1)),
			this.clock,
			(merchantName, outcome, duration) -> this.observer.passFinished(merchantName, outcome, duration));

	@AfterEach
	void stop() {
		this.worker.stop();
	}

	@Test
	void aSuccessfulPassIsDoneWithItsMerchantAndDuration() {
		this.inbox.record(notification("shop-a", "n-1", "c-1", 0));
		this.onPublish = () -> sleep(20);
		this.worker.start();
		Pass pass = nextPass();
		assertThat(pass.merchantName()).isEqualTo("shop-a");
		assertThat(pass.outcome()).isEqualTo(Outcome.DONE);
		assertThat(pass.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(20));
	}

	@Test
	void aFailedPassIsRetriedThenParkedAfterTheLastAttempt() {
		this.inbox.record(notification("n-1", "c-1", 0));
		this.failuresLeft.set(2);
		this.worker.start();
		assertThat(nextPass().outcome()).isEqualTo(Outcome.RETRY);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(nextPass().outcome()).isEqualTo(Outcome.PARKED);
		assertThat(this.inbox.backlog().failed()).isEqualTo(1);
	}

	@Test
	void anEntryClaimedTooOftenIsParkedUnpublished() {
		this.inbox.record(notification("n-1", "c-1", 0));
		// Two claims that never got an outcome (their instance died), then the third.
		for (int i = 0; i < 2; i++) {
			assertThat(this.inbox.claimDue(1, LEASE)).hasSize(1);
			this.clock.advance(LEASE.plusSeconds(1));
		}
		this.onPublish = () -> {
			throw new AssertionError("an overrun entry is not published");
		};
		this.worker.start();
		assertThat(nextPass().outcome()).isEqualTo(Outcome.PARKED);
	}

	@Test
	void aPassWhoseClaimWasTakenOverIsLost() throws InterruptedException {
		this.inbox.record(notification("n-1", "c-1", 0));
		CountDownLatch publishing = new CountDownLatch(1);
		CountDownLatch takenOver = new CountDownLatch(1);
		this.onPublish = () -> {
			publishing.countDown();
			awaitQuietly(takenOver);
		};
		this.worker.start();
		assertThat(this.worker.poll()).isEqualTo(1);
		assertThat(publishing.await(10, TimeUnit.SECONDS)).isTrue();
		this.clock.advance(LEASE.plusSeconds(1));
		assertThat(this.inbox.claimDue(1, LEASE)).hasSize(1);
		takenOver.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.passes.isEmpty());
		assertThat(this.passes).singleElement().extracting(Pass::outcome).isEqualTo(Outcome.LOST);
	}

	@Test
	void aFailingObserverChangesNothing(CapturedOutput output) {
		this.observer = (merchantName, outcome, duration) -> {
			throw new IllegalStateException("observer down");
		};
		this.inbox.record(notification("n-1", "c-1", 0));
		this.worker.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.worker.poll();
			return output.toString().contains("The inbox pass observer failed");
		});
		assertThat(this.inbox.backlog()).isEqualTo(InboxBacklog.EMPTY);
		assertThat(output).contains("java.lang.IllegalStateException").doesNotContain("observer down");
	}

	@Test
	void theDefaultObserverDoesNothing() {
		InboxPassObserver.NONE.passFinished("default", Outcome.DONE, Duration.ZERO);
		InboxWorker plain = new InboxWorker(this.inbox, (event) -> {
		}, new InboxRetryPolicy(Duration.ofSeconds(10), 2, Duration.ofMinutes(5), 0, 2, Duration.ofHours(1)),
				new InboxWorker.Settings(Duration.ofHours(1), 10, 2, LEASE, Duration.ofSeconds(5), Duration.ofDays(8),
						Duration.ofHours(1)),
				this.clock);
		this.inbox.record(notification("n-1", "c-1", 0));
		plain.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				plain.poll();
				return this.inbox.backlog().pending() == 0;
			});
		}
		finally {
			plain.stop();
		}
	}

	private Pass nextPass() {
		int seen = this.passes.size();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.worker.poll();
			return this.passes.size() > seen;
		});
		return this.passes.get(seen);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Pass(String merchantName, Outcome outcome, Duration duration) {

	}

}
