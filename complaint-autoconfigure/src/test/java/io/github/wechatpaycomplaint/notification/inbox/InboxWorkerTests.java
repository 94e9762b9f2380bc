package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.notification.event.UserRespondedEvent;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;

import static io.github.wechatpaycomplaint.notification.inbox.InboxNotifications.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker on the memory inbox, polled by hand on a clock the test moves: events as in
 * -request processing publishes them, order per complaint, back-off, parking after the
 * last attempt or past the age, replay giving exactly one more pass, and stopping.
 */
@ExtendWith(OutputCaptureExtension.class)
class InboxWorkerTests {

	private static final Duration LEASE = Duration.ofMinutes(5);

	private final MutableClock clock = MutableClock.atEpochSecond(1_749_776_561L);

	private final MemoryNotificationInbox inbox = new MemoryNotificationInbox(this.clock);

	private final Listener listener = new Listener();

	// A poll interval the test never waits for: it polls by hand.
	private final InboxWorker worker = worker(this.inbox, Duration.ofHours(1));

	@AfterEach
	void stop() {
		this.worker.stop();
	}

	@Test
	void publishesTheSameEventsAsInRequestProcessingAndMarksThemDone() {
		this.inbox.record(notification("n-1", "c-1", 0));
		this.worker.start();
		pollUntilPublished(1);
		assertThat(this.listener.events).singleElement().isInstanceOf(UserRespondedEvent.class).satisfies((event) -> {
			assertThat(event.getNotificationId()).isEqualTo("n-1");
			assertThat(event.getComplaintId()).isEqualTo("c-1");
		});
		await().until(() -> this.inbox.claimDue(10, LEASE).isEmpty() && this.worker.poll() == 0);
		assertThat(this.listener.calls.get()).isEqualTo(1);
	}

	@Test
	void publishesEachComplaintInOrderAndComplaintsInParallel() throws InterruptedException {
		this.inbox.record(notification("c1-second", "c-1", 10));
		this.inbox.record(notification("c1-first", "c-1", 0));
		this.inbox.record(notification("c2-only", "c-2", 5));
		CountDownLatch bothRunning = new CountDownLatch(2);
		this.listener.onEach = () -> {
			bothRunning.countDown();
			try {
				bothRunning.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
		this.worker.start();
		assertThat(this.worker.poll()).isEqualTo(2);
		assertThat(bothRunning.await(5, TimeUnit.SECONDS)).as("two complaints at once").isTrue();
		pollUntilPublished(3);
		assertThat(this.listener.ids()).containsSubsequence("c1-first", "c1-second");
	}

	@Test
	void aFailedPassIsRetriedAfterItsBackOff() {
		this.inbox.record(notification("n-1", "c-1", 0));
		this.listener.failuresLeft.set(2);
		this.worker.start();
		this.worker.poll();
		await().until(() -> this.listener.calls.get() == 1 && this.worker.poll() == 0);
		this.clock.advance(Duration.ofSeconds(9));
		assertThat(this.worker.poll()).isZero();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.worker.poll()).isOne();
		await().until(() -> this.listener.calls.get() == 2 && this.worker.poll() == 0);
		// The second failure doubles the delay.
		this.clock.advance(Duration.ofSeconds(19));
		assertThat(this.worker.poll()).isZero();
		this.clock.advance(Duration.ofSeconds(1));
		pollUntilPublished(1);
		assertThat(this.listener.calls.get()).isEqualTo(3);
	}

	@Test
	void aListenerThrowingAnErrorIsRetriedAfterItsBackOff() {
		this.inbox.record(notification("n-1", "c-1", 0));
		this.listener.failure = () -> new AssertionError("listener assertion");
		this.listener.failuresLeft.set(1);
		this.worker.start();
		this.worker.poll();
		await().until(() -> this.listener.calls.get() == 1 && this.worker.poll() == 0);
		// Recorded as a failed pass: due after the back-off, not after the lease.
		this.clock.advance(Duration.ofSeconds(10));
		pollUntilPublished(1);
		assertThat(this.listener.calls.get()).isEqualTo(2);
	}

	@Test
	void anErrorEscapingAPollDoesNotStopThePolling() {
		ObservedInbox observed = new ObservedInbox(this.inbox);
		observed.nextClaimFailure = () -> new NoClassDefFoundError("some/Missing");
		this.inbox.record(notification("n-1", "c-1", 0));
		InboxWorker polling = worker(observed, Duration.ofMillis(20));
		polling.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.events.size() == 1);
			assertThat(observed.claims.get()).isGreaterThan(1);
		}
		finally {
			polling.stop();
		}
	}

	@Test
	void aBacklogDrainsAtTheWorkersPaceNotOnePollIntervalPerFewEntries() {
		ObservedInbox observed = new ObservedInbox(this.inbox);
		for (int i = 0; i < 50; i++) {
			this.inbox.record(notification("n-" + i, "c-" + i, i));
		}
		// Concurrency 2 below the batch of 10, and an interval of an hour the test never
		// reaches: only one poll by hand.
		InboxWorker draining = worker(observed, Duration.ofHours(1));
		draining.start();
		try {
			assertThat(draining.poll()).isEqualTo(2);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.events.size() == 50);
			assertThat(observed.claimed.get()).isEqualTo(50);
		}
		finally {
			draining.stop();
		}
	}

	@Test
	void aFailingPurgeDoesNotKeepTheDueEntriesFromBeingPublished(CapturedOutput output) {
		ObservedInbox observed = new ObservedInbox(this.inbox);
		observed.purgeFailure = () -> new IllegalStateException("purge timed out");
		this.inbox.record(notification("n-1", "c-1", 0));
		InboxWorker purging = worker(observed, Duration.ofHours(1));
		purging.start();
		try {
			assertThat(purging.poll()).isOne();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.events.size() == 1);
			assertThat(output).contains("Could not purge done complaint notifications from the inbox");
		}
		finally {
			purging.stop();
		}
	}

	@Test
	void anEntryClaimedMoreOftenThanTheAttemptsAllowIsParkedWithoutAnotherPass() {
		this.inbox.record(notification("n-1", "c-1", 0));
		// Three claims whose passes left no outcome (the instance died each time).
		for (int claim = 0; claim < 3; claim++) {
			assertThat(this.inbox.claimDue(10, LEASE)).hasSize(1);
			this.clock.advance(LEASE.plusSeconds(1));
		}
		this.worker.start();
		assertThat(this.worker.poll()).isOne();
		await().until(() -> this.inbox.failed(10).size() == 1);
		assertThat(this.inbox.failed(10).get(0).attempts()).isEqualTo(4);
		assertThat(this.listener.calls.get()).isZero();
	}

	@Test
	void theLastFailedAttemptParksTheEntryAndAReplayGivesExactlyOneMorePass(CapturedOutput output) {
		failTheFirstOfTwoEntriesOfAComplaintThreeTimes();
		assertThat(this.inbox.failed(10)).singleElement().satisfies((entry) -> {
			assertThat(entry.notificationId()).isEqualTo("n-1");
			assertThat(entry.attempts()).isEqualTo(3);
			assertThat(entry.lastError()).isEqualTo("java.lang.IllegalStateException");
		});
		assertThat(output).contains("for the last time (java.lang.IllegalStateException); parked as failed");
		// The parked entry holds its complaint back.
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.worker.poll()).isZero();
		assertThat(new FailedNotifications(this.inbox).replay("default", "n-1")).isTrue();
		pollUntilPublished(2);
		assertThat(this.listener.ids()).containsExactly("n-1", "n-2");
		assertThat(this.listener.calls.get()).isEqualTo(5);
		await().until(() -> this.worker.poll() == 0);
		assertThat(this.inbox.failed(10)).isEmpty();
	}

	@Test
	void aLaterEntryHeldBackByAParkedOneIsRetriedAfterTheReplayRatherThanParkedAtItsFirstFailure() {
		failTheFirstOfTwoEntriesOfAComplaintThreeTimes();
		// The operator fixes the listener a day later; n-2 waited all that time unpassed.
		this.clock.advance(Duration.ofDays(1));
		// n-1 passes, n-2 then fails once (a transient error).
		this.listener.onEach = () -> {
			if (this.listener.calls.get() == 5) {
				this.listener.failuresLeft.set(1);
			}
		};
		assertThat(new FailedNotifications(this.inbox).replay("default", "n-1")).isTrue();
		pollUntilPublished(1);
		// Its retry comes after the back-off; parked, it would never come.
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.clock.advance(Duration.ofSeconds(10));
			this.worker.poll();
			return this.listener.events.size() == 2;
		});
		assertThat(this.listener.calls.get()).isEqualTo(6);
		assertThat(this.listener.ids()).containsExactly("n-1", "n-2");
		assertThat(this.inbox.failed(10)).isEmpty();
	}

	@Test
	void aFailurePastTheMaximumAgeFromTheFirstPassParksTheEntryAtOnce() {
		this.inbox.record(notification("n-1", "c-1", 0));
		this.listener.failuresLeft.set(2);
		// Waiting before the first pass does not count.
		this.clock.advance(Duration.ofHours(2));
		this.worker.start();
		this.worker.poll();
		await().until(() -> this.listener.calls.get() == 1 && this.worker.poll() == 0);
		assertThat(this.inbox.failed(10)).isEmpty();
		this.clock.advance(Duration.ofHours(1));
		this.worker.poll();
		await().until(() -> this.inbox.failed(10).size() == 1);
		assertThat(this.inbox.failed(10).get(0).attempts()).isEqualTo(2);
	}

	@Test
	void stoppingWaitsForThePassesUnderWay() {
		this.inbox.record(notification("n-1", "c-1", 0));
		CountDownLatch running = new CountDownLatch(1);
		this.listener.onEach = () -> {
			running.countDown();
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
		this.worker.start();
		this.worker.poll();
		await().until(() -> running.getCount() == 0);
		this.worker.stop();
		assertThat(this.worker.isRunning()).isFalse();
		assertThat(this.listener.events).hasSize(1);
		assertThat(this.inbox.claimDue(10, LEASE)).isEmpty();
	}

	@Test
	void entriesClaimedWhileStoppingAreGivenBackAndARestartHasEveryWorker() {
		ObservedInbox observed = new ObservedInbox(this.inbox);
		for (int i = 0; i < 3; i++) {
			this.inbox.record(notification("n-" + i, "c-" + i, i));
		}
		InboxWorker stopping = worker(observed, Duration.ofHours(1));
		stopping.start();
		// The application stops between the claim and the hand-over to the workers.
		observed.afterClaim = () -> {
			observed.afterClaim = () -> {
			};
			stopping.stop();
		};
		try {
			assertThat(stopping.poll()).isZero();
			assertThat(this.listener.calls.get()).isZero();
			stopping.start();
			assertThat(stopping.poll()).as("both workers idle again, the entries due at once").isEqualTo(2);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.events.size() >= 2);
		}
		finally {
			stopping.stop();
		}
	}

	@Test
	void aListenerSlowerThanTheLeaseKeepsItsClaimAndIsPublishedOnce(CapturedOutput output) {
		// On the system clock: the lease runs out in real time unless it is renewed.
		MemoryNotificationInbox inbox = new MemoryNotificationInbox(Clock.systemUTC());
		inbox.record(notification("slow", "c-1", 0));
		Duration lease = Duration.ofMillis(300);
		this.listener.onEach = () -> sleep(Duration.ofSeconds(1));
		InboxWorker slow = new InboxWorker(inbox, this.listener, retryPolicy(),
				new InboxWorker.Settings(Duration.ofMillis(20), 10, 2, lease, Duration.ofSeconds(5), Duration.ofDays(8),
						Duration.ofHours(1)),
				Clock.systemUTC());
		slow.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.events.size() == 1);
			// The idle worker polling every 20 ms claimed nothing more, and the outcome
			// was recorded.
			await().atMost(Duration.ofSeconds(5)).until(() -> inbox.backlog().pending() == 0);
		}
		finally {
			slow.stop();
		}
		assertThat(this.listener.calls.get()).isEqualTo(1);
		assertThat(output).doesNotContain("ran out").doesNotContain("was lost");
	}

	@Test
	void anInstanceKilledBetweenPublishAndMarkDoneHasTheEntryPublishedAgainAfterTheLease() {
		ObservedInbox killed = new ObservedInbox(this.inbox);
		this.inbox.record(notification("n-1", "c-1", 0));
		// The instance dies after its listeners succeeded, before the entry is marked
		// done: nothing of the outcome reaches the inbox.
		killed.markDoneFailure = () -> new IllegalStateException("killed");
		InboxWorker first = worker(killed, Duration.ofHours(1));
		first.start();
		try {
			assertThat(first.poll()).isEqualTo(1);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.events.size() == 1);
		}
		finally {
			first.stop();
		}
		this.worker.start();
		assertThat(this.worker.poll()).as("claimed until the lease runs out").isZero();
		this.clock.advance(LEASE.plusSeconds(1));
		pollUntilPublished(2);
		await().until(() -> this.inbox.backlog().pending() == 0);
		// At least once: published again, with the same notification id to recognise it.
		assertThat(this.listener.ids()).containsExactly("n-1", "n-1");
		this.clock.advance(LEASE.multipliedBy(2));
		assertThat(this.worker.poll()).isZero();
		assertThat(this.listener.calls.get()).isEqualTo(2);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static InboxRetryPolicy retryPolicy() {
		return new InboxRetryPolicy(Duration.ofSeconds(10), 2, Duration.ofMinutes(5), 0, 3, Duration.ofHours(1));
	}

	// Concurrency 2 below the batch of 10; three attempts.
	private InboxWorker worker(NotificationInbox inbox, Duration pollInterval) {
		return new InboxWorker(inbox, this.listener, retryPolicy(), new InboxWorker.Settings(pollInterval, 10, 2, LEASE,
				Duration.ofSeconds(5), Duration.ofDays(8), Duration.ofHours(1)), this.clock);
	}

	// n-1 fails its three passes, five minutes apart, and is parked; n-2 waits behind it.
	private void failTheFirstOfTwoEntriesOfAComplaintThreeTimes() {
		this.inbox.record(notification("n-1", "c-1", 0));
		this.inbox.record(notification("n-2", "c-1", 5));
		this.listener.failuresLeft.set(3);
		this.worker.start();
		for (int attempt = 1; attempt <= 3; attempt++) {
			this.worker.poll();
			int calls = attempt;
			await().until(() -> this.listener.calls.get() == calls && this.worker.poll() == 0);
			this.clock.advance(Duration.ofMinutes(5));
		}
	}

	private void pollUntilPublished(int events) {
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.worker.poll();
			return this.listener.events.size() >= events;
		});
	}

	static final class Listener implements ApplicationEventPublisher {

		final List<ComplaintNotificationEvent> events = Collections.synchronizedList(new ArrayList<>());

		final AtomicInteger calls = new AtomicInteger();

		final AtomicInteger failuresLeft = new AtomicInteger();

		volatile Runnable onEach = () -> {
		};

		volatile Supplier<? extends Error> failure;

		@Override
		public void publishEvent(Object event) {
			int call = this.calls.incrementAndGet();
			this.onEach.run();
			if (this.failuresLeft.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				Supplier<? extends Error> error = this.failure;
				if (error != null) {
					throw error.get();
				}
				throw new IllegalStateException("listener failure " + call);
			}
			this.events.add((ComplaintNotificationEvent) event);
		}

		List<String> ids() {
			return this.events.stream().map(ComplaintNotificationEvent::getNotificationId).toList();
		}

	}

}
