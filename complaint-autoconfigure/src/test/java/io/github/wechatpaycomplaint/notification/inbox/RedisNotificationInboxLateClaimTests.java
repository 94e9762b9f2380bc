package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;
import io.github.wechatpaycomplaint.notification.store.DeduplicationStoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import static io.github.wechatpaycomplaint.notification.inbox.InboxNotifications.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A claim that Redis answers only after the worker gave up (Redis slow, or paused) is
 * given back at once with the claim's own token, so its entry does not wait a whole
 * lease; a claim answered in time is kept. Against a fake Redis that answers the claim
 * script late.
 */
class RedisNotificationInboxLateClaimTests {

	private final SlowRedis redis = new SlowRedis();

	@AfterEach
	void answer() {
		this.redis.answer.countDown();
	}

	@Test
	void aClaimAnsweredAfterTheWorkerGaveUpIsReleased() {
		RedisNotificationInbox inbox = new RedisNotificationInbox(this.redis, "{p}:", Clock.systemUTC(),
				Duration.ofMillis(300));
		assertThatExceptionOfType(DeduplicationStoreUnavailableException.class)
			.isThrownBy(() -> inbox.claimDue(1, Duration.ofMinutes(5)));
		assertThat(this.redis.releases).isEmpty();
		this.redis.answer.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.redis.releases.isEmpty());
		assertThat(this.redis.releases).containsExactly("0000000000000007 " + this.redis.claimToken);
	}

	@Test
	void aClaimAnsweredInTimeIsKept() {
		this.redis.answer.countDown();
		RedisNotificationInbox inbox = new RedisNotificationInbox(this.redis, "{p}:", Clock.systemUTC(),
				Duration.ofSeconds(5));
		List<InboxEntry> claimed = inbox.claimDue(1, Duration.ofMinutes(5));
		assertThat(claimed).singleElement().satisfies((entry) -> {
			assertThat(entry.sequence()).isEqualTo(7);
			assertThat(entry.claimToken()).isEqualTo(this.redis.claimToken);
			assertThat(entry.notification()).isEqualTo(SlowRedis.NOTIFICATION);
		});
		assertThat(this.redis.releases).isEmpty();
	}

	/**
	 * Answers the claim script with entry 7 once {@link #answer} opens, and records the
	 * releases it is sent.
	 */
	static final class SlowRedis extends StringRedisTemplate {

		static final ComplaintNotification NOTIFICATION = notification("n-1", "c-1", 0);

		final CountDownLatch answer = new CountDownLatch(1);

		final List<String> releases = new CopyOnWriteArrayList<>();

		volatile String claimToken;

		@Override
		@SuppressWarnings("unchecked")
		public <T> T execute(RedisScript<T> script, List<String> keys, Object... args) {
			if (script == RedisInboxScripts.CLAIM) {
				this.claimToken = (String) args[4];
				awaitAnswer();
				List<Object> fields = new ArrayList<>();
				StoredNotifications.columns(NOTIFICATION).forEach((column, value) -> {
					fields.add(column);
					fields.add(value);
				});
				fields.addAll(List.of("status", "PENDING", "attempts", "1", "attempts_since", "0", "claim_token",
						this.claimToken));
				return (T) List.of(List.of("0000000000000007", fields));
			}
			if (script == RedisInboxScripts.OUTCOME && "release".equals(args[3])) {
				this.releases.add(args[1] + " " + args[2]);
				return (T) Long.valueOf(1);
			}
			throw new UnsupportedOperationException(Map.of("args", List.of(args)).toString());
		}

		// Like Lettuce, the wait goes on past the caller's interrupt: the command was
		// sent, and its answer still comes.
		private void awaitAnswer() {
			boolean interrupted = false;
			while (true) {
				try {
					if (this.answer.await(10, TimeUnit.SECONDS)) {
						break;
					}
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
