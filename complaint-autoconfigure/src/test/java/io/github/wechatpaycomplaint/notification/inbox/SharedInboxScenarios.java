package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;

import static io.github.wechatpaycomplaint.notification.inbox.InboxNotifications.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What only an inbox shared through a server shows, for every shared store: two instances
 * competing for one inbox publish every entry exactly once and each complaint in order,
 * and a burst of concurrent duplicate deliveries records one entry.
 */
interface SharedInboxScenarios {

	/**
	 * A new inbox on the system clock, sharing the entries of the others.
	 * @return the inbox
	 */
	NotificationInbox systemClockInbox();

	/**
	 * Counts the entries the store holds, read from the store itself.
	 * @return the count
	 */
	long storedEntries();

	@Test
	default void twoInstancesCompetingForOneInboxPublishEachEntryOnceAndEachComplaintInOrder() {
		publishThroughTwoInstances(this::systemClockInbox, getClass().getSimpleName());
	}

	@Test
	default void aThousandConcurrentDuplicateDeliveriesRecordOneEntry() throws Exception {
		recordConcurrently(systemClockInbox());
		assertThat(storedEntries()).isEqualTo(1);
	}

	/**
	 * Records 400 entries, then has two workers on their own inboxes publish them.
	 * @param newInbox a new inbox on the system clock, sharing the entries of the others
	 * @param name names the inbox in the timing printed
	 */
	private static void publishThroughTwoInstances(Supplier<NotificationInbox> newInbox, String name) {
		NotificationInbox recorder = newInbox.get();
		List<ComplaintNotification> notifications = new ArrayList<>();
		for (int complaint = 0; complaint < 40; complaint++) {
			for (int n = 0; n < 10; n++) {
				// Equal create times in pairs: arrival breaks the tie.
				notifications.add(notification("n-" + complaint + "-" + n, "c-" + complaint, n / 2));
			}
		}
		Collections.shuffle(notifications, new Random(15));
		// The expected order per complaint: create time, then arrival (the shuffled
		// order).
		Map<String, List<String>> expected = new ConcurrentHashMap<>();
		notifications.stream()
			.sorted(Comparator.comparing(ComplaintNotification::createTime))
			.forEach((notification) -> expected.computeIfAbsent(notification.complaintId(), (c) -> new ArrayList<>())
				.add(notification.id()));
		for (ComplaintNotification notification : notifications) {
			assertThat(recorder.record(notification)).isTrue();
		}
		Map<String, AtomicInteger> publications = new ConcurrentHashMap<>();
		Map<String, List<String>> published = new ConcurrentHashMap<>();
		Set<String> inFlight = ConcurrentHashMap.newKeySet();
		List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
		ApplicationEventPublisher listener = (event) -> {
			ComplaintNotification notification = ((ComplaintNotificationEvent) event).getNotification();
			if (!inFlight.add(notification.complaintId())) {
				overlaps.add(notification.id());
			}
			try {
				Thread.sleep(2);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			published
				.computeIfAbsent(notification.complaintId(), (c) -> Collections.synchronizedList(new ArrayList<>()))
				.add(notification.id());
			publications.computeIfAbsent(notification.id(), (id) -> new AtomicInteger()).incrementAndGet();
			inFlight.remove(notification.complaintId());
		};
		InboxWorker first = worker(newInbox.get(), listener);
		InboxWorker second = worker(newInbox.get(), listener);
		long started = System.nanoTime();
		first.start();
		second.start();
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> publications.size() == notifications.size());
		}
		finally {
			first.stop();
			second.stop();
		}
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		System.out.println(name + ": " + notifications.size() + " entries through two workers in " + millis + " ms");
		assertThat(publications.values()).allSatisfy((count) -> assertThat(count.get()).isEqualTo(1));
		assertThat(overlaps).isEmpty();
		assertThat(published).isEqualTo(expected);
		assertThat(recorder.claimDue(10, NotificationInboxContractTests.LEASE)).isEmpty();
	}

	/**
	 * Records one notification from 1,000 concurrent deliveries on 32 threads.
	 * @param inbox the inbox
	 */
	private static void recordConcurrently(NotificationInbox inbox) throws Exception {
		ComplaintNotification notification = notification("burst", "c-burst", 0);
		ExecutorService threads = Executors.newFixedThreadPool(32);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < 1000; i++) {
				answers.add(threads.submit(() -> {
					start.await();
					return inbox.record(notification);
				}));
			}
			start.countDown();
			int recorded = 0;
			for (Future<Boolean> answer : answers) {
				if (answer.get(30, TimeUnit.SECONDS)) {
					recorded++;
				}
			}
			assertThat(recorded).isEqualTo(1);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static InboxWorker worker(NotificationInbox inbox, ApplicationEventPublisher publisher) {
		return new InboxWorker(inbox, publisher,
				new InboxRetryPolicy(Duration.ofMillis(10), 2, Duration.ofSeconds(1), 0.5, 5, Duration.ofHours(1)),
				new InboxWorker.Settings(Duration.ofMillis(20), 4, 4, NotificationInboxContractTests.LEASE,
						Duration.ofSeconds(10), Duration.ofDays(8), Duration.ofHours(1)),
				Clock.systemUTC());
	}

}
