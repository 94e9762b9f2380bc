package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.testsupport.RedisScratch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static io.github.wechatpaycomplaint.notification.inbox.InboxNotifications.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox contract for the Redis inbox on the Redis server on 127.0.0.1, each test
 * under a key prefix of its own (deleted afterwards), plus what only a shared server
 * shows ({@link SharedInboxScenarios}) and a crashed worker's entry taken over.
 */
@Tag("services")
class RedisNotificationInboxIntegrationTests extends NotificationInboxContractTests implements SharedInboxScenarios {

	private static final RedisScratch SCRATCH = RedisScratch.hashTagged();

	private final StringRedisTemplate redis = SCRATCH.template();

	private final String prefix = SCRATCH.prefix() + UUID.randomUUID() + ":";

	// Connects (and loads the JIT'd client) before the first test's 2 s operation
	// timeout.
	@BeforeAll
	static void connect() {
		new RedisNotificationInbox(SCRATCH.template(), SCRATCH.prefix(), Clock.systemUTC(), Duration.ofSeconds(30))
			.checkAvailable();
	}

	@AfterEach
	void deleteKeys() {
		SCRATCH.deleteKeys(this.prefix);
	}

	@AfterAll
	static void cleanUp() {
		SCRATCH.close();
	}

	@Override
	protected NotificationInbox inbox() {
		return RedisNotificationInbox.onInstanceClock(this.redis, this.prefix, this.clock, Duration.ofSeconds(2));
	}

	/** Recorded entries, done or not: the keys of the de-duplication hash. */
	@Override
	public long storedEntries() {
		return this.redis.opsForHash().size(this.prefix + "ids");
	}

	@Test
	void anInstanceWhoseClockIsAheadByMoreThanALeaseDoesNotTakeALiveClaim() {
		NotificationInbox onTime = new RedisNotificationInbox(this.redis, this.prefix, Clock.systemUTC(),
				Duration.ofSeconds(2));
		NotificationInbox ahead = new RedisNotificationInbox(this.redis, this.prefix,
				Clock.offset(Clock.systemUTC(), LEASE.plusMinutes(1)), Duration.ofSeconds(2));
		onTime.record(notification("n-1", "c-1", 0));
		assertThat(onTime.claimDue(10, LEASE)).hasSize(1);
		assertThat(ahead.claimDue(10, LEASE)).isEmpty();
	}

	@Test
	void anEntryOfACrashedWorkerIsTakenOverByAnotherOnceItsLeaseRunsOut() {
		NotificationInbox crashed = systemClockInbox();
		crashed.record(notification("n-1", "c-1", 0));
		crashed.record(notification("n-2", "c-1", 1));
		// Claimed, then never heard of again.
		InboxEntry lost = crashed.claimDue(10, Duration.ofMillis(300)).get(0);
		List<String> published = new ArrayList<>();
		InboxWorker survivor = new InboxWorker(systemClockInbox(),
				(event) -> published.add(((ComplaintNotificationEvent) event).getNotificationId()),
				new InboxRetryPolicy(Duration.ofMillis(10), 2, Duration.ofSeconds(1), 0, 5, Duration.ofHours(1)),
				new InboxWorker.Settings(Duration.ofMillis(20), 4, 1, LEASE, Duration.ofSeconds(10), Duration.ofDays(8),
						Duration.ofHours(1)),
				Clock.systemUTC());
		long started = System.nanoTime();
		survivor.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == 2);
		}
		finally {
			survivor.stop();
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(published).containsExactly("n-1", "n-2");
		assertThat(crashed.markDone(lost)).isFalse();
		assertThat(crashed.backlog()).isEqualTo(InboxBacklog.EMPTY);
	}

	@Test
	void aClaimThatLostItsComplaintCannotRenewAndItsLateOutcomeLeavesTheNewHolderAlone() {
		NotificationInbox inbox = inbox();
		inbox.record(notification("state-change", "c-1", 10));
		InboxEntry lost = inbox.claimDue(10, LEASE).get(0);
		inbox.record(notification("create", "c-1", 0));
		this.clock.advance(LEASE.plusSeconds(1));
		InboxEntry holder = inbox.claimDue(10, LEASE).get(0);
		assertThat(holder.notificationId()).isEqualTo("create");
		assertThat(inbox.renewLease(lost, LEASE)).isFalse();
		// Nobody claimed the lost entry again, so its outcome still counts...
		assertThat(inbox.markDone(lost)).isTrue();
		// ...but the complaint stays held by the new claim.
		assertThat(inbox.claimDue(10, LEASE)).isEmpty();
		assertThat(inbox.renewLease(holder, LEASE)).isTrue();
		assertThat(inbox.markDone(holder)).isTrue();
		assertThat(inbox.claimDue(10, LEASE)).isEmpty();
		assertThat(inbox.backlog()).isEqualTo(InboxBacklog.EMPTY);
	}

	@Test
	void aDoneEntryKeepsOnlyItsKeyUntilPurged() {
		NotificationInbox inbox = inbox();
		inbox.record(notification("n-1", "c-1", 0));
		assertThat(inbox.markDone(inbox.claimDue(10, LEASE).get(0))).isTrue();
		assertThat(this.redis.keys(this.prefix + "e:*")).isEmpty();
		assertThat(this.redis.keys(this.prefix + "c:*")).isEmpty();
		assertThat(this.redis.opsForZSet().size(this.prefix + "schedule")).isZero();
		assertThat(inbox.record(notification("n-1", "c-1", 0))).isFalse();
		this.clock.advance(Duration.ofDays(9));
		assertThat(inbox.purgeDone(this.clock.instant().minus(Duration.ofDays(8)))).isEqualTo(1);
		assertThat(this.redis.keys(this.prefix + "*")).containsExactly(this.prefix + "seq");
	}

	@Test
	void purgingAndReplayingAllGoOnBatchAfterBatch() {
		NotificationInbox inbox = inbox();
		int entries = RedisNotificationInbox.BATCH + 5;
		for (int i = 0; i < entries; i++) {
			inbox.record(notification("n-" + i, "c-" + i, 0));
		}
		List<InboxEntry> claimed = new ArrayList<>();
		for (List<InboxEntry> batch = inbox.claimDue(500, LEASE); !batch.isEmpty(); batch = inbox.claimDue(500,
				LEASE)) {
			claimed.addAll(batch);
		}
		assertThat(claimed).hasSize(entries);
		claimed.forEach((entry) -> inbox.park(entry, "boom"));
		assertThat(inbox.replayAll()).isEqualTo(entries);
		assertThat(inbox.backlog().pending()).isEqualTo(entries);
		for (List<InboxEntry> batch = inbox.claimDue(500, LEASE); !batch.isEmpty(); batch = inbox.claimDue(500,
				LEASE)) {
			batch.forEach(inbox::markDone);
		}
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(inbox.purgeDone(this.clock.instant())).isEqualTo(entries);
		assertThat(inbox.backlog()).isEqualTo(InboxBacklog.EMPTY);
	}

	@Test
	void readsTheServersPersistenceAndEvictionSettings() {
		Properties info = new Properties();
		info.putAll(this.redis
			.execute((RedisCallback<Properties>) (connection) -> connection.serverCommands().info("persistence")));
		info.putAll(this.redis
			.execute((RedisCallback<Properties>) (connection) -> connection.serverCommands().info("memory")));
		assertThat(info).containsKeys("aof_enabled", "maxmemory_policy");
		assertThat(((RedisNotificationInbox) inbox()).durabilityRisks())
			.isEqualTo(RedisNotificationInbox.durabilityRisks(info));
	}

	@Test
	void describesItselfByPrefixAndTimeout() {
		assertThat(inbox()).hasToString("RedisNotificationInbox[keyPrefix=" + this.prefix + ", operationTimeout=PT2S]");
	}

	@Override
	public NotificationInbox systemClockInbox() {
		return new RedisNotificationInbox(this.redis, this.prefix, Clock.systemUTC(), Duration.ofSeconds(5));
	}

}
