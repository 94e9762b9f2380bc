package io.github.wechatpaycomplaint.notification.store;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisDurabilityRisksTests {

	private final RedisDurabilityRisks ledger = new RedisDurabilityRisks("the complaints",
			"complaints and their deadline indexes");

	@Test
	void aServerThatPersistsEveryWriteAndNeverEvictsHasNoRisk() {
		assertThat(this.ledger.of(info("1", "noeviction"))).isEmpty();
	}

	@Test
	void eachRiskNamesWhatTheStoreLosesAndTheSetting() {
		assertThat(this.ledger.of(info("0", "allkeys-lru"))).containsExactly(
				"append-only persistence is off (appendonly no): a restart of Redis loses the complaints recorded "
						+ "since its last snapshot, or all of them without one. Set appendonly yes with appendfsync "
						+ "everysec or always.",
				"maxmemory-policy is allkeys-lru: when memory runs out Redis deletes keys, complaints and their "
						+ "deadline indexes among them. Set maxmemory-policy noeviction.");
	}

	@Test
	void aServerThatDoesNotSayHowItPersistsIsTakenAsNotPersisting() {
		assertThat(this.ledger.of(new Properties())).singleElement().asString().contains("appendonly no");
	}

	private static Properties info(String aofEnabled, String policy) {
		Properties info = new Properties();
		info.setProperty("aof_enabled", aofEnabled);
		info.setProperty("maxmemory_policy", policy);
		return info;
	}

}
