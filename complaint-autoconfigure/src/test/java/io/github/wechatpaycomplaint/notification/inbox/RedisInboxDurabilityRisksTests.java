package io.github.wechatpaycomplaint.notification.inbox;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis settings that lose inbox entries, read from {@code INFO}: append-only
 * persistence off, and any eviction policy but {@code noeviction}.
 */
class RedisInboxDurabilityRisksTests {

	@Test
	void aofWithNoEvictionIsSafe() {
		assertThat(RedisNotificationInbox.durabilityRisks(info("1", "noeviction"))).isEmpty();
	}

	@Test
	void aofOffIsARisk() {
		assertThat(RedisNotificationInbox.durabilityRisks(info("0", "noeviction"))).singleElement()
			.asString()
			.startsWith("append-only persistence is off")
			.contains("appendfsync everysec");
	}

	@Test
	void anEvictingPolicyIsARisk() {
		assertThat(RedisNotificationInbox.durabilityRisks(info("1", "allkeys-lru"))).singleElement()
			.asString()
			.startsWith("maxmemory-policy is allkeys-lru")
			.contains("Set maxmemory-policy noeviction");
	}

	@Test
	void bothAreReported() {
		assertThat(RedisNotificationInbox.durabilityRisks(info("0", "volatile-ttl"))).hasSize(2);
	}

	@Test
	void aServerThatDoesNotSayIsTakenAsWithoutAof() {
		assertThat(RedisNotificationInbox.durabilityRisks(new Properties())).singleElement()
			.asString()
			.startsWith("append-only persistence is off");
	}

	private static Properties info(String aofEnabled, String maxmemoryPolicy) {
		Properties info = new Properties();
		info.setProperty("aof_enabled", aofEnabled);
		info.setProperty("maxmemory_policy", maxmemoryPolicy);
		return info;
	}

}
