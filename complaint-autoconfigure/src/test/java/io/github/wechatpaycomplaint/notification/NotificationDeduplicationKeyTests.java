package io.github.wechatpaycomplaint.notification;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationDeduplicationKeyTests {

	@Test
	void usualIdsGiveAReadableKey() {
		assertThat(NotificationDeduplicationKey.of("1900000109", "0b8ac5d2-5d52-5c0b-a8e4-d2a2e3a6b123"))
			.isEqualTo("1900000109/0b8ac5d2-5d52-5c0b-a8e4-d2a2e3a6b123");
	}

	@Test
	void longIdsAreDigestedToTheColumnWidth() {
		String key = NotificationDeduplicationKey.of("1".repeat(32), "n".repeat(64));
		assertThat(key).startsWith("sha256:").hasSize(47);
		assertThat(key.length()).isLessThanOrEqualTo(NotificationDeduplicationKey.MAX_LENGTH);
		assertThat(NotificationDeduplicationKey.of("1".repeat(32), "n".repeat(63))).isNotEqualTo(key);
	}

	@Test
	void pairsThatWouldReadTheSameStayApart() {
		// A merchant id with the separator in it is digested, with its length first.
		List<String> keys = List.of(NotificationDeduplicationKey.of("1/2", "3"),
				NotificationDeduplicationKey.of("1", "2/3"), NotificationDeduplicationKey.of("1:2", "3"),
				NotificationDeduplicationKey.of("1", "2:3"), NotificationDeduplicationKey.of("sha256", "x"));
		Set<String> distinct = new HashSet<>(keys);
		assertThat(distinct).hasSameSizeAs(keys);
		assertThat(NotificationDeduplicationKey.of("1/2", "3")).startsWith("sha256:");
	}

	@Test
	void keysNeverLookLikeTheReconciliationKeys() {
		// Those have ':' after a name of letters and '-', these '/' after the merchant
		// id,
		// or the digest prefix.
		assertThat(NotificationDeduplicationKey.of("reconciled", "x")).isEqualTo("reconciled/x");
		assertThat(NotificationDeduplicationKey.of("reconciliation-lock", "1900000109"))
			.isEqualTo("reconciliation-lock/1900000109");
	}

}
