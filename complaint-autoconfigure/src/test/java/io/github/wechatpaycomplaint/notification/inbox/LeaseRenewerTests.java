package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.wechatpaycomplaint.notification.inbox.InboxNotifications.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Renewals of running passes on the memory inbox on the system clock: every third of the
 * lease while a pass runs, none once it ended, one thread for every pass, and a lost
 * claim reported once.
 */
@ExtendWith(OutputCaptureExtension.class)
class LeaseRenewerTests {

	private static final Duration LEASE = Duration.ofMillis(300);

	private final ObservedInbox inbox = new ObservedInbox(new MemoryNotificationInbox(Clock.systemUTC()));

	private final LeaseRenewer renewer = new LeaseRenewer(this.inbox, LEASE, "test-lease");

	@AfterEach
	void shutdown() {
		this.renewer.shutdown();
	}

	@Test
	void renewsEveryThirdOfTheLeaseWhileThePassRunsAndStopsWhenItEnds() throws InterruptedException {
		InboxEntry claimed = claim("n-1", "c-1");
		try (LeaseRenewer.Renewal renewal = this.renewer.renew(claimed)) {
			Thread.sleep(LEASE.multipliedBy(3).toMillis());
			// Three leases later the claim still holds.
			assertThat(this.inbox.claimDue(10, LEASE)).isEmpty();
			assertThat(this.inbox.renewals.get()).isBetween(5, 10);
		}
		int renewals = this.inbox.renewals.get();
		Thread.sleep(LEASE.toMillis());
		assertThat(this.inbox.renewals.get()).isEqualTo(renewals);
		assertThat(this.inbox.markDone(claimed)).isTrue();
	}

	@Test
	void aPassShorterThanAThirdOfTheLeaseIsNeverRenewed() throws InterruptedException {
		InboxEntry claimed = claim("n-1", "c-1");
		this.renewer.renew(claimed).close();
		Thread.sleep(LEASE.toMillis());
		assertThat(this.inbox.renewals.get()).isZero();
	}

	@Test
	void oneThreadRenewsForEveryPass() throws InterruptedException {
		List<LeaseRenewer.Renewal> renewals = List.of(this.renewer.renew(claim("n-1", "c-1")),
				this.renewer.renew(claim("n-2", "c-2")), this.renewer.renew(claim("n-3", "c-3")));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.inbox.renewals.get() >= 6);
		renewals.forEach(LeaseRenewer.Renewal::close);
		assertThat(this.inbox.renewalThreads).containsExactly("test-lease");
	}

	@Test
	void aLostClaimIsLoggedOnceWithIdsOnlyAndItsRenewalsStop(CapturedOutput output) throws InterruptedException {
		this.inbox.delegate.record(NotificationInboxContractTests.withResource(notification("n-lost", "c-lost", 0),
				"{\"complaint_id\":\"c-lost\",\"action_type\":\"USER_RESPONSE\",\"payer_phone\":\"13800138000\"}"));
		InboxEntry claimed = this.inbox.claimDue(1, LEASE).get(0);
		this.inbox.renewalAnswer = () -> false;
		try (LeaseRenewer.Renewal renewal = this.renewer.renew(claimed)) {
			await().atMost(Duration.ofSeconds(5)).until(() -> this.inbox.renewals.get() >= 1);
			Thread.sleep(LEASE.toMillis());
		}
		assertThat(this.inbox.renewals.get()).isEqualTo(1);
		String lost = "The claim on InboxEntry[merchant=default, id=n-lost, complaintId=c-lost, status=PENDING, "
				+ "attempts=1] was lost while its listeners ran (lease PT0.3S)";
		assertThat(output.getAll().split(java.util.regex.Pattern.quote(lost), -1)).hasSize(2);
		assertThat(output).doesNotContain("13800138000");
	}

	@Test
	void aRenewalThatFailsIsTriedAgainAtTheNextThird(CapturedOutput output) {
		InboxEntry claimed = claim("n-1", "c-1");
		AtomicInteger calls = new AtomicInteger();
		this.inbox.renewalAnswer = () -> {
			if (calls.incrementAndGet() == 1) {
				throw new IllegalStateException("database down");
			}
			return true;
		};
		try (LeaseRenewer.Renewal renewal = this.renewer.renew(claimed)) {
			await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() >= 3);
		}
		assertThat(output).contains("Could not renew the claim on InboxEntry[merchant=default, id=n-1")
			.contains("(java.lang.IllegalStateException); trying again in PT0.1S")
			.doesNotContain("database down")
			.doesNotContain("was lost");
	}

	@Test
	void afterShutdownAPassRunsOnItsLeaseAlone() {
		this.renewer.shutdown();
		InboxEntry claimed = claim("n-1", "c-1");
		this.renewer.renew(claimed).close();
		assertThat(this.inbox.renewals.get()).isZero();
	}

	private InboxEntry claim(String id, String complaintId) {
		this.inbox.delegate.record(notification(id, complaintId, 0));
		List<InboxEntry> claimed = this.inbox.delegate.claimDue(1, LEASE);
		assertThat(claimed).hasSize(1);
		return claimed.get(0);
	}

}
