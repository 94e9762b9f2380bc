package io.github.wechatpaycomplaint.notification.store;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.github.wechatpaycomplaint.notification.NotificationClaim;
import io.github.wechatpaycomplaint.notification.NotificationClaim.Status;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Keeps notification ids in Redis, shared by every instance: one key per id. A claim is
 * {@code SET key
 * "processing:<token>" NX PX lease}, so exactly one instance wins and a claim of a dead
 * instance expires by itself. Marking done and releasing run as Lua scripts that first
 * check that the key still holds the caller's token, so an instance whose lease ran out
 * cannot overwrite or delete the claim of the instance that took over.
 *
 * <p>
 * Every operation is bounded by the operation timeout, whatever the connection's command
 * timeout (Lettuce's default is 60 s): the command runs on a bounded worker (see
 * {@link StoreOperationDeadline}) that is interrupted when the caller gives up, which
 * also cancels the waiting Lettuce command. Cancelling does not unsend it: a
 * {@code SET NX} sent while Redis is paused (a failover, {@code CLIENT PAUSE}) is applied
 * when Redis resumes. So whenever a claim's caller does not get the claim (a timeout, or
 * a failure that leaves the outcome unknown), the claim's token is released, itself
 * within the operation timeout. The release follows the claim on the same connection
 * (Lettuce shares one by default), so Redis applies it after the claim; it deletes
 * nothing but this claim, and the next delivery is handled instead of being refused as in
 * progress for the whole lease.
 *
 * @since 0.1.0
 */
public final class RedisNotificationDeduplicationStore implements NotificationDeduplicationStore {

	private static final String PROCESSING = "processing:";

	private static final String DONE = "done";

	private static final RedisScript<Long> MARK_DONE = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
				redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
				return 1
			end
			return 0""", Long.class);

	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
				return redis.call('DEL', KEYS[1])
			end
			return 0""", Long.class);

	private static final int ATTEMPTS = 3;

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final StoreOperationDeadline deadline;

	/**
	 * Creates a store with the
	 * {@link JdbcNotificationDeduplicationStore#DEFAULT_OPERATION_TIMEOUT default
	 * operation timeout}.
	 * @param redis the template
	 * @param keyPrefix the prefix of every key, e.g.
	 * {@code wechatpay:complaint:notification:}
	 */
	public RedisNotificationDeduplicationStore(StringRedisTemplate redis, String keyPrefix) {
		this(redis, keyPrefix, JdbcNotificationDeduplicationStore.DEFAULT_OPERATION_TIMEOUT);
	}

	/**
	 * Creates a store.
	 * @param redis the template
	 * @param keyPrefix the prefix of every key, e.g.
	 * {@code wechatpay:complaint:notification:}
	 * @param operationTimeout the longest time a caller waits for one operation
	 */
	public RedisNotificationDeduplicationStore(StringRedisTemplate redis, String keyPrefix, Duration operationTimeout) {
		this.redis = Objects.requireNonNull(redis, "redis");
		this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
		this.deadline = new StoreOperationDeadline("redis", operationTimeout);
	}

	@Override
	public NotificationClaim claim(String notificationId, Duration lease) {
		NotificationClaim claim = NotificationClaim.claimed(notificationId);
		// The undo runs on the claim's own worker, after the claim's command: never
		// behind a second worker that a
		// saturated pool might refuse.
		return this.deadline.callOrUndo(() -> claimNow(claim, lease), () -> releaseNow(claim));
	}

	private NotificationClaim claimNow(NotificationClaim claim, Duration lease) {
		String notificationId = claim.notificationId();
		String key = key(notificationId);
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(key, PROCESSING + claim.token(), lease))) {
				return claim;
			}
			String current = this.redis.opsForValue().get(key);
			if (current != null) {
				return NotificationClaim.refused(notificationId,
						DONE.equals(current) ? Status.DUPLICATE : Status.IN_PROGRESS);
			}
			// Released or expired between the two commands: try again.
		}
		return NotificationClaim.refused(notificationId, Status.IN_PROGRESS);
	}

	@Override
	public boolean markDone(NotificationClaim claim, Duration timeToLive) {
		String token = claim.requireToken();
		return this.deadline.call(() -> {
			Long updated = this.redis.execute(MARK_DONE, List.of(key(claim.notificationId())), PROCESSING + token, DONE,
					Long.toString(timeToLive.toMillis()));
			return updated != null && updated == 1L;
		}, null);
	}

	@Override
	public void release(NotificationClaim claim) {
		claim.requireToken();
		this.deadline.call(() -> {
			releaseNow(claim);
			return null;
		}, null);
	}

	private void releaseNow(NotificationClaim claim) {
		this.redis.execute(RELEASE, List.of(key(claim.notificationId())), PROCESSING + claim.requireToken());
	}

	/**
	 * Sends a PING within the operation timeout.
	 * @throws org.springframework.dao.DataAccessException when Redis cannot be reached
	 * @throws DeduplicationStoreUnavailableException when it does not answer in time
	 */
	@Override
	public void checkAvailable() {
		this.deadline.call(() -> this.redis.execute((RedisCallback<String>) (connection) -> connection.ping()), null);
	}

	private String key(String notificationId) {
		return this.keyPrefix + notificationId;
	}

	@Override
	public String toString() {
		return "RedisNotificationDeduplicationStore[keyPrefix=" + this.keyPrefix + ", operationTimeout="
				+ this.deadline.timeout() + "]";
	}

}
