package io.github.wechatpaycomplaint.notification.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What in a Redis server's settings can lose what a store keeps there: append-only
 * persistence off (a restart loses what was written since the last snapshot) and an
 * eviction policy other than {@code noeviction} (Redis deletes keys when memory runs
 * out). Read from {@code INFO persistence} and {@code INFO memory}.
 *
 * @param kept what the store keeps, as the sentences name it ("the entries", "the
 * complaints")
 * @param evicted what eviction deletes, as the sentences name it ("entries and
 * de-duplication keys")
 * @since 0.1.0
 */
public record RedisDurabilityRisks(String kept, String evicted) {

	public RedisDurabilityRisks {
		Objects.requireNonNull(kept, "kept");
		Objects.requireNonNull(evicted, "evicted");
	}

	/**
	 * Reads the server's settings within the operation timeout and says what can lose
	 * data.
	 * @param redis the template of the store
	 * @param deadline bounds the read
	 * @return one sentence per risk, empty when none is seen
	 * @throws RuntimeException when Redis cannot be read (down, or {@code INFO} refused)
	 */
	public List<String> read(StringRedisTemplate redis, StoreOperationDeadline deadline) {
		Properties info = deadline.call(() -> {
			Properties all = new Properties();
			for (String section : List.of("persistence", "memory")) {
				Properties part = redis
					.execute((RedisCallback<Properties>) (connection) -> connection.serverCommands().info(section));
				if (part != null) {
					all.putAll(part);
				}
			}
			return all;
		}, null);
		return of(info);
	}

	/**
	 * What the settings reported by {@code INFO} can lose.
	 * @param info the fields of {@code INFO persistence} and {@code INFO memory}
	 * @return one sentence per risk, empty when none is seen
	 */
	public List<String> of(Properties info) {
		List<String> risks = new ArrayList<>();
		if (!"1".equals(info.getProperty("aof_enabled"))) {
			risks.add("append-only persistence is off (appendonly no): a restart of Redis loses " + this.kept
					+ " recorded since its last snapshot, or all of them without one. Set appendonly yes with "
					+ "appendfsync everysec or always.");
		}
		String policy = info.getProperty("maxmemory_policy");
		if (policy != null && !policy.equals("noeviction")) {
			risks.add("maxmemory-policy is " + policy + ": when memory runs out Redis deletes keys, " + this.evicted
					+ " among them. Set maxmemory-policy noeviction.");
		}
		return risks;
	}

}
