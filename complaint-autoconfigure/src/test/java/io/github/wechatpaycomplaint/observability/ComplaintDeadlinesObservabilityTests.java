package io.github.wechatpaycomplaint.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.wechatpaycomplaint.deadline.ComplaintDeadlines;
import io.github.wechatpaycomplaint.deadline.ComplaintFact;
import io.github.wechatpaycomplaint.deadline.ComplaintRef;
import io.github.wechatpaycomplaint.deadline.DeadlineRules;
import io.github.wechatpaycomplaint.deadline.MemoryComplaintLedger;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadlines' health (UP with the overdue listed, DOWN only when asked) and gauges
 * (per merchant or over all of them, from the snapshot of the last refresh).
 */
class ComplaintDeadlinesObservabilityTests {

	private static final Instant FILED = Instant.parse("2026-12-01T00:00:00Z");

	private final MutableClock clock = new MutableClock(FILED);

	private final MemoryComplaintLedger ledger = new MemoryComplaintLedger(DeadlineRules.WECHAT_PAY, this.clock);

	private final ComplaintDeadlines deadlines = new ComplaintDeadlines(this.ledger, DeadlineRules.WECHAT_PAY,
			this.clock);

	private void file(String merchant, String complaintId, Instant at) {
		this.ledger.record(new ComplaintRef(merchant, "mch-" + merchant, complaintId), new ComplaintFact.Filed(at));
	}

	private void reply(String merchant, String complaintId, Instant at) {
		this.ledger.record(new ComplaintRef(merchant, "mch-" + merchant, complaintId),
				new ComplaintFact.MerchantReplied(at));
	}

	@Test
	void healthIsUpWithTheOverdueComplaintsListed() {
		file("a", "a1", FILED);
		file("a", "a2", FILED.plus(Duration.ofHours(10)));
		file("b", "b1", FILED);
		reply("b", "b1", FILED.plus(Duration.ofHours(1)));
		this.clock.set(FILED.plus(Duration.ofHours(25)));
		Health health = new ComplaintDeadlinesHealthIndicator(this.deadlines, false).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("overdue", 1);
		assertThat(health.getDetails().get("merchants"))
			.isEqualTo(Map.of("a", Map.of("open", 2, "awaitingFirstReply", 2, "overdue", 1), "b",
					Map.of("open", 1, "awaitingFirstReply", 0, "overdue", 0)));
		assertThat(health.getDetails().get("mostOverdue")).isEqualTo(List.of(Map.of("merchant", "a", "complaintId",
				"a1", "deadline", FILED.plus(Duration.ofHours(24)).toString(), "awaitingFirstReply", true)));
	}

	@Test
	void healthIsDownWhenAskedOnlyWhileAComplaintIsOverdue() {
		file("a", "a1", FILED);
		ComplaintDeadlinesHealthIndicator indicator = new ComplaintDeadlinesHealthIndicator(this.deadlines, true);
		this.clock.set(FILED.plus(Duration.ofHours(23)));
		assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
		assertThat(indicator.health(true).getDetails()).containsEntry("overdue", 0).doesNotContainKey("mostOverdue");
		this.clock.set(FILED.plus(Duration.ofHours(24)));
		assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void gaugesPerMerchantFollowTheLastRefresh() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		file("a", "a1", FILED);
		ComplaintDeadlineMetrics metrics = new ComplaintDeadlineMetrics(this.deadlines, registry, true);
		this.clock.set(FILED.plus(Duration.ofHours(2)));
		file("a", "a2", FILED.plus(Duration.ofHours(1)));
		file("b", "b1", FILED.plus(Duration.ofHours(1)));
		reply("b", "b1", FILED.plus(Duration.ofHours(1)));
		// Not refreshed yet: merchant b has no gauges, a shows the first snapshot.
		assertThat(registry.find(ComplaintDeadlineMetrics.OPEN).tag("merchant", "b").gauge()).isNull();
		assertThat(registry.get(ComplaintDeadlineMetrics.OPEN).tag("merchant", "a").gauge().value()).isOne();
		metrics.refresh();
		assertThat(registry.get(ComplaintDeadlineMetrics.OPEN).tag("merchant", "a").gauge().value()).isEqualTo(2);
		assertThat(registry.get(ComplaintDeadlineMetrics.AWAITING_REPLY).tag("merchant", "a").gauge().value())
			.isEqualTo(2);
		assertThat(registry.get(ComplaintDeadlineMetrics.OLDEST_AWAITING_REPLY).tag("merchant", "a").gauge().value())
			.isEqualTo(7200);
		assertThat(registry.get(ComplaintDeadlineMetrics.OPEN).tag("merchant", "b").gauge().value()).isOne();
		assertThat(registry.get(ComplaintDeadlineMetrics.AWAITING_REPLY).tag("merchant", "b").gauge().value()).isZero();
		assertThat(registry.get(ComplaintDeadlineMetrics.OLDEST_AWAITING_REPLY).tag("merchant", "b").gauge().value())
			.isZero();
		this.clock.set(FILED.plus(Duration.ofHours(24)));
		metrics.refresh();
		assertThat(registry.get(ComplaintDeadlineMetrics.OVERDUE).tag("merchant", "a").gauge().value()).isOne();
	}

	@Test
	void gaugesWithoutTheMerchantTagAddUpEveryMerchant() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ComplaintDeadlineMetrics metrics = new ComplaintDeadlineMetrics(this.deadlines, registry, false);
		assertThat(registry.get(ComplaintDeadlineMetrics.OPEN).gauge().value()).isZero();
		file("a", "a1", FILED);
		file("b", "b1", FILED.plus(Duration.ofHours(1)));
		this.clock.set(FILED.plus(Duration.ofHours(3)));
		metrics.refresh();
		assertThat(registry.get(ComplaintDeadlineMetrics.OPEN).gauge().getId().getTags()).isEmpty();
		assertThat(registry.get(ComplaintDeadlineMetrics.OPEN).gauge().value()).isEqualTo(2);
		assertThat(registry.get(ComplaintDeadlineMetrics.OLDEST_AWAITING_REPLY).gauge().value()).isEqualTo(3 * 3600);
		assertThat(registry.find(ComplaintDeadlineMetrics.OPEN).gauges()).hasSize(1);
	}

}
