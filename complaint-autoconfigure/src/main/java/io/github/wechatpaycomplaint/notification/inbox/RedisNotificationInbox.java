package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;
import io.github.wechatpaycomplaint.notification.store.RedisDurabilityRisks;
import io.github.wechatpaycomplaint.notification.store.StoreOperationDeadline;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Keeps the inbox in Redis, shared by every instance. Each operation is one Lua script
 * ({@link RedisInboxScripts}), so it is atomic: recording checks the key of (merchant
 * name, notification id) and adds the entry in one step, and claiming finds the due
 * complaints on a schedule, takes the first open entry of each and marks the complaint as
 * held, so no two instances hand out entries of one complaint at once.
 *
 * <p>
 * Not Redis Streams with consumer groups: {@code XAUTOCLAIM} takes entries over by idle
 * time rather than by a lease each pass can renew, a stream's order is arrival, not a
 * complaint's create time, and the state of each entry (attempts, last error, claim
 * token, parked) would need keys of its own all the same.
 *
 * <p>
 * Every key starts with the prefix, which should hold a hash tag (the default
 * {@value #DEFAULT_KEY_PREFIX} does) so that a script's keys share one slot on Redis
 * Cluster. Redis must keep what it acknowledged: append-only persistence
 * ({@code appendfsync everysec} or {@code always}) and {@code maxmemory-policy
 * noeviction}, or entries can be lost.
 *
 * <p>
 * Every operation, the workers' included, is bounded by the operation timeout whatever
 * the connection's command timeout ({@link StoreOperationDeadline}). A record that lands
 * after its caller gave up is kept: WeChat Pay's next delivery is then a duplicate and
 * the entry is published all the same. A claim that lands after its caller gave up is
 * released, so its entries do not wait for their leases to run out.
 *
 * <p>
 * Leases, due times, the recording time and the start of an entry's age come from the
 * Redis server's clock ({@code TIME}), so that instances whose clocks disagree do not
 * take each other's claims or see a retry due early or late; a due time the worker
 * computes on its clock is passed on as a delay from now. The purge and the maximum age
 * compare them with the instance's clock, which only matters for skews of the order of
 * the retention or the maximum age.
 *
 * @since 0.1.0
 */
public final class RedisNotificationInbox implements NotificationInbox {

	private static final RedisDurabilityRisks DURABILITY_RISKS = new RedisDurabilityRisks("the entries",
			"entries and de-duplication keys");

	/** The default key prefix, a hash tag of its own. */
	public static final String DEFAULT_KEY_PREFIX = "{wechatpay:complaint:inbox}:";

	/** The most entries one replay or purge script changes. */
	static final int BATCH = 1000;

	private static final Log logger = LogFactory.getLog(RedisNotificationInbox.class);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final List<String> keys;

	private final Clock clock;

	private final StoreOperationDeadline deadline;

	private final boolean instanceClockOnly;

	/**
	 * Creates an inbox.
	 * @param redis the template
	 * @param keyPrefix the prefix of every key, with a hash tag for Redis Cluster
	 * @param clock the instance's clock: due times the worker computes are measured from
	 * it, and the purge and the maximum age compare with it
	 * @param operationTimeout the longest time a caller waits for one operation
	 */
	public RedisNotificationInbox(StringRedisTemplate redis, String keyPrefix, Clock clock, Duration operationTimeout) {
		this(redis, keyPrefix, clock, operationTimeout, false);
	}

	private RedisNotificationInbox(StringRedisTemplate redis, String keyPrefix, Clock clock, Duration operationTimeout,
			boolean instanceClockOnly) {
		this.instanceClockOnly = instanceClockOnly;
		this.redis = Objects.requireNonNull(redis, "redis");
		this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.deadline = new StoreOperationDeadline("redis-inbox", "Redis inbox", operationTimeout);
		this.keys = RedisInboxScripts.KEY_NAMES.stream().map((name) -> keyPrefix + name).toList();
	}

	/**
	 * Creates an inbox whose leases and due times come from the instance's clock, for
	 * tests that move time on a clock of their own.
	 * @param redis the template
	 * @param keyPrefix the prefix of every key
	 * @param clock the clock of leases and due times
	 * @param operationTimeout the longest time a caller waits for one operation
	 * @return the inbox
	 */
	static RedisNotificationInbox onInstanceClock(StringRedisTemplate redis, String keyPrefix, Clock clock,
			Duration operationTimeout) {
		return new RedisNotificationInbox(redis, keyPrefix, clock, operationTimeout, true);
	}

	// The time the scripts use: empty for the Redis server's.
	private String now() {
		return this.instanceClockOnly ? Long.toString(this.clock.millis()) : "";
	}

	@Override
	public boolean record(ComplaintNotification notification) {
		List<String> arguments = new ArrayList<>();
		arguments.add(now());
		StoredNotifications.columns(notification).forEach((column, value) -> {
			arguments.add(column);
			arguments.add(value);
		});
		return run(RedisInboxScripts.RECORD, arguments.toArray(String[]::new)) == 1;
	}

	@Override
	public List<InboxEntry> claimDue(int maxEntries, Duration lease) {
		List<String> arguments = new ArrayList<>(
				List.of(now(), Long.toString(lease.toMillis()), Integer.toString(10 * maxEntries)));
		for (int i = 0; i < maxEntries; i++) {
			arguments.add(newToken());
		}
		String[] values = arguments.toArray(String[]::new);
		// Claims that land after the caller gave up are given back at once.
		Consumer<List<InboxEntry>> releaseLate = (late) -> late.forEach(this::releaseNow);
		return this.deadline.call(() -> entries(script(RedisInboxScripts.CLAIM, values)), releaseLate);
	}

	private static String newToken() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new UUID(random.nextLong(), random.nextLong()).toString();
	}

	@Override
	public boolean markDone(InboxEntry claimed) {
		return outcome(claimed, "done", "", "");
	}

	@Override
	public boolean retryLater(InboxEntry claimed, Instant nextAttemptAt, String lastError) {
		// The worker's delay, measured on the instance's clock, applied from the time the
		// script uses.
		long delay = Math.max(0, nextAttemptAt.toEpochMilli() - this.clock.millis());
		return outcome(claimed, "retry", Long.toString(delay), lastError);
	}

	@Override
	public boolean park(InboxEntry claimed, String lastError) {
		return outcome(claimed, "park", "", lastError);
	}

	@Override
	public boolean release(InboxEntry claimed) {
		return outcome(claimed, "release", "", "");
	}

	private void releaseNow(InboxEntry claimed) {
		try {
			script(RedisInboxScripts.OUTCOME, member(claimed), claimed.requireClaimToken(), "release", "", "", now());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not give back " + claimed + ", claimed after the worker gave up; it is due again once "
					+ "its lease runs out: " + ex);
		}
	}

	private boolean outcome(InboxEntry claimed, String outcome, String nextAttemptAt, String lastError) {
		return run(RedisInboxScripts.OUTCOME, member(claimed), claimed.requireClaimToken(), outcome, nextAttemptAt,
				lastError, now()) == 1;
	}

	@Override
	public boolean renewLease(InboxEntry claimed, Duration lease) {
		return run(RedisInboxScripts.RENEW, member(claimed), claimed.requireClaimToken(),
				Long.toString(lease.toMillis()), now()) == 1;
	}

	@Override
	public List<InboxEntry> failed(int limit) {
		return this.deadline.call(() -> entries(script(RedisInboxScripts.FAILED, Integer.toString(limit))), null);
	}

	@Override
	public boolean replay(String merchantName, String notificationId) {
		return run(RedisInboxScripts.REPLAY, now(), "1", merchantName, notificationId) == 1;
	}

	@Override
	public int replayAll() {
		String now = now();
		return batches(() -> run(RedisInboxScripts.REPLAY, now, Integer.toString(BATCH)));
	}

	@Override
	public boolean discard(String merchantName, String notificationId) {
		return run(RedisInboxScripts.DISCARD, merchantName, notificationId) == 1;
	}

	@Override
	public InboxBacklog backlog() {
		List<?> counts = this.deadline.call(() -> script(RedisInboxScripts.BACKLOG), null);
		String oldest = String.valueOf(counts.get(2));
		return new InboxBacklog(Long.parseLong(String.valueOf(counts.get(0))),
				Long.parseLong(String.valueOf(counts.get(1))),
				oldest.isEmpty() ? null : Instant.ofEpochMilli((long) Double.parseDouble(oldest)));
	}

	/**
	 * Forgets done entries in batches of at most {@value #BATCH}, each script short and
	 * within the operation timeout.
	 */
	@Override
	public int purgeDone(Instant recordedBefore) {
		String before = Long.toString(recordedBefore.toEpochMilli());
		return batches(() -> run(RedisInboxScripts.PURGE, before, Integer.toString(BATCH)));
	}

	private static int batches(BatchOperation batch) {
		int total = 0;
		long changed;
		do {
			changed = batch.run();
			total += (int) changed;
		}
		while (changed == BATCH);
		return total;
	}

	/**
	 * Sends a PING within the operation timeout.
	 * @throws org.springframework.dao.DataAccessException when Redis cannot be reached
	 * @throws io.github.wechatpaycomplaint.notification.store.DeduplicationStoreUnavailableException
	 * when it does not answer in time
	 */
	@Override
	public void checkAvailable() {
		this.deadline.call(() -> this.redis.execute((RedisCallback<String>) (connection) -> connection.ping()), null);
	}

	/**
	 * Reads how Redis persists and evicts ({@code INFO persistence} and
	 * {@code INFO memory}) within the operation timeout, and says what can lose entries.
	 * @return one sentence per risk, empty when none is seen
	 * @throws RuntimeException when Redis cannot be read (down, or {@code INFO} refused)
	 */
	public List<String> durabilityRisks() {
		return DURABILITY_RISKS.read(this.redis, this.deadline);
	}

	static List<String> durabilityRisks(Properties info) {
		return DURABILITY_RISKS.of(info);
	}

	private long run(RedisScript<Long> script, String... arguments) {
		return this.deadline.call(() -> script(script, arguments), null);
	}

	private <T> T script(RedisScript<T> script, String... arguments) {
		Object[] values = new Object[arguments.length + 1];
		values[0] = this.keyPrefix;
		System.arraycopy(arguments, 0, values, 1, arguments.length);
		return Objects.requireNonNull(this.redis.execute(script, this.keys, values));
	}

	private static String member(InboxEntry entry) {
		return String.format("%016d", entry.sequence());
	}

	// Each element is {member, [field, value, ...]}, as the scripts answer.
	private static List<InboxEntry> entries(List<?> answer) {
		List<InboxEntry> entries = new ArrayList<>(answer.size());
		for (Object element : answer) {
			List<?> pair = (List<?>) element;
			List<?> flat = (List<?>) pair.get(1);
			Map<String, String> fields = new HashMap<>();
			for (int i = 0; i + 1 < flat.size(); i += 2) {
				fields.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
			}
			entries.add(entry(Long.parseLong(String.valueOf(pair.get(0))), fields));
		}
		return entries;
	}

	private static InboxEntry entry(long sequence, Map<String, String> fields) {
		ComplaintNotification notification = StoredNotifications.read(fields::get);
		return new InboxEntry(notification, sequence, InboxEntry.Status.valueOf(fields.get("status")),
				Integer.parseInt(fields.get("attempts")),
				Instant.ofEpochMilli(Long.parseLong(fields.get("attempts_since"))), fields.get("last_error"),
				fields.get("claim_token"));
	}

	@Override
	public String toString() {
		return "RedisNotificationInbox[keyPrefix=" + this.keyPrefix + ", operationTimeout=" + this.deadline.timeout()
				+ "]";
	}

	@FunctionalInterface
	private interface BatchOperation {

		long run();

	}

}
