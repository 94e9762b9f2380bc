package io.github.wechatpaycomplaint.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.wechatpaycomplaint.deadline.ComplaintDeadlines;
import io.github.wechatpaycomplaint.deadline.ComplaintFact;
import io.github.wechatpaycomplaint.deadline.ComplaintLedger;
import io.github.wechatpaycomplaint.deadline.ComplaintRef;
import io.github.wechatpaycomplaint.deadline.DeadlineRules;
import io.github.wechatpaycomplaint.deadline.LatestDeadlineSnapshot;
import io.github.wechatpaycomplaint.deadline.MemoryComplaintLedger;
import io.github.wechatpaycomplaint.deadline.MerchantDeadlineSummary;
import io.github.wechatpaycomplaint.deadline.Threshold;
import io.github.wechatpaycomplaint.deadline.TrackedComplaint;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The deadlines' health (UP with the overdue listed, DOWN only when asked) and gauges
 * (per merchant or over all of them), both from the snapshot taken after the last scan:
 * neither reads the ledger when asked.
 */
class ComplaintDeadlinesObservabilityTests {

	private static final Instant FILED = Instant.parse("2026-12-01T00:00:00Z");

	private final MutableClock clock = new MutableClock(FILED);

	private final MemoryComplaintLedger ledger = new MemoryComplaintLedger(DeadlineRules.WECHAT_PAY, this.clock);

	private final AtomicInteger ledgerReads = new AtomicInteger();

	private volatile boolean unreachable;

	// Counts every read of the ledger's open complaints or summaries.
	private final ComplaintLedger countingLedger = new ComplaintLedger() {

		@Override
		public Recorded record(ComplaintRef ref, ComplaintFact fact) {
			return ComplaintDeadlinesObservabilityTests.this.ledger.record(ref, fact);
		}

		@Override
		public Optional<TrackedComplaint> find(String merchantName, String complaintId) {
			return ComplaintDeadlinesObservabilityTests.this.ledger.find(merchantName, complaintId);
		}

		@Override
		public List<TrackedComplaint> dueForCheck(Instant now, int limit) {
			return ComplaintDeadlinesObservabilityTests.this.ledger.dueForCheck(now, limit);
		}

		@Override
		public boolean markPublished(ComplaintRef ref, int round, Threshold threshold) {
			return ComplaintDeadlinesObservabilityTests.this.ledger.markPublished(ref, round, threshold);
		}

		@Override
		public List<TrackedComplaint> open() {
			ComplaintDeadlinesObservabilityTests.this.ledgerReads.incrementAndGet();
			return ComplaintDeadlinesObservabilityTests.this.ledger.open();
		}

		@Override
		public Map<String, MerchantDeadlineSummary> summaries(Instant now, DeadlineRules rules) {
			if (ComplaintDeadlinesObservabilityTests.this.unreachable) {
				throw new IllegalStateException("unreachable");
			}
			ComplaintDeadlinesObservabilityTests.this.ledgerReads.incrementAndGet();
			return ComplaintDeadlinesObservabilityTests.this.ledger.summaries(now, rules);
		}

		@Override
		public int purge(Duration completedRetention, Duration maxAge) {
			return ComplaintDeadlinesObservabilityTests.this.ledger.purge(completedRetention, maxAge);
		}

	};

	private final ComplaintDeadlines deadlines = new ComplaintDeadlines(this.countingLedger, DeadlineRules.WECHAT_PAY,
			this.clock);

	private final LatestDeadlineSnapshot snapshot = new LatestDeadlineSnapshot(this.deadlines,
			ComplaintDeadlinesHealthIndicator.LISTED);

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
		Health health = new ComplaintDeadlinesHealthIndicator(this.snapshot, this.clock, false).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("overdue", 1)
			.containsEntry("snapshotTakenAt", FILED.plus(Duration.ofHours(25)).toString())
			.containsEntry("snapshotAge", "PT0S");
		assertThat(health.getDetails().get("merchants"))
			.isEqualTo(Map.of("a", Map.of("open", 2, "awaitingFirstReply", 2, "overdue", 1), "b",
					Map.of("open", 1, "awaitingFirstReply", 0, "overdue", 0)));
		assertThat(health.getDetails().get("mostOverdue")).isEqualTo(List.of(Map.of("merchant", "a", "complaintId",
				"a1", "deadline", FILED.plus(Duration.ofHours(24)).toString(), "awaitingFirstReply", true)));
	}

	@Test
	void healthIsDownWhenAskedOnlyWhileAComplaintIsOverdue() {
		file("a", "a1", FILED);
		ComplaintDeadlinesHealthIndicator indicator = new ComplaintDeadlinesHealthIndicator(this.snapshot, this.clock,
				true);
		this.clock.set(FILED.plus(Duration.ofHours(23)));
		assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
		assertThat(indicator.health(true).getDetails()).containsEntry("overdue", 0).doesNotContainKey("mostOverdue");
		this.clock.set(FILED.plus(Duration.ofHours(24)));
		this.snapshot.refresh();
		assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void healthShowsTheSnapshotOfTheLastScanWithItsAgeAndReadsTheLedgerOnlyOnceBeforeIt() {
		file("a", "a1", FILED);
		ComplaintDeadlinesHealthIndicator indicator = new ComplaintDeadlinesHealthIndicator(this.snapshot, this.clock,
				true);
		this.snapshot.refresh();
		assertThat(this.ledgerReads).as("nobody read a snapshot yet").hasValue(0);
		this.clock.set(FILED.plus(Duration.ofHours(23)));
		// Before the first scan: taken once, on the first request.
		assertThat(indicator.health(true).getDetails()).containsEntry("snapshotAge", "PT0S");
		assertThat(this.ledgerReads).hasValue(1);
		this.clock.set(FILED.plus(Duration.ofHours(25)).plusMillis(1500));
		Health stale = indicator.health(true);
		assertThat(stale.getStatus()).isEqualTo(Status.UP);
		assertThat(stale.getDetails()).containsEntry("overdue", 0)
			.containsEntry("snapshotTakenAt", FILED.plus(Duration.ofHours(23)).toString())
			.containsEntry("snapshotAge", "PT2H1S");
		assertThat(this.ledgerReads).hasValue(1);
		// The scan's refresh: summaries, and the overdue list since one is overdue.
		this.snapshot.refresh();
		assertThat(this.ledgerReads).hasValue(3);
		Health fresh = indicator.health(true);
		assertThat(fresh.getStatus()).isEqualTo(Status.DOWN);
		assertThat(fresh.getDetails()).containsEntry("overdue", 1)
			.containsEntry("snapshotAge", "PT0S")
			.containsKey("mostOverdue");
		indicator.health(true);
		assertThat(this.ledgerReads).hasValue(3);
	}

	@Test
	void healthListsTheTenMostOverdueOfMoreMostOverdueFirst() {
		for (int n = 0; n < 12; n++) {
			file("a", "a" + n, FILED.plus(Duration.ofMinutes(12 - n)));
		}
		file("b", "b1", FILED.plus(Duration.ofHours(20)));
		this.clock.set(FILED.plus(Duration.ofHours(25)));
		Health health = new ComplaintDeadlinesHealthIndicator(this.snapshot, this.clock, false).health(true);
		assertThat(health.getDetails()).containsEntry("overdue", 12);
		assertThat((List<Object>) health.getDetails().get("mostOverdue"))
			.hasSize(ComplaintDeadlinesHealthIndicator.LISTED)
			.extracting((listed) -> (Object) ((Map<?, ?>) listed).get("complaintId"))
			.containsExactly("a11", "a10", "a9", "a8", "a7", "a6", "a5", "a4", "a3", "a2");
	}

	@Test
	void aFailedRefreshKeepsThePreviousSnapshot() {
		file("a", "a1", FILED);
		ComplaintDeadlinesHealthIndicator indicator = new ComplaintDeadlinesHealthIndicator(this.snapshot, this.clock,
				false);
		assertThat(indicator.health(true).getDetails()).containsEntry("merchants",
				Map.of("a", Map.of("open", 1, "awaitingFirstReply", 1, "overdue", 0)));
		file("b", "b1", FILED);
		this.unreachable = true;
		this.clock.set(FILED.plus(Duration.ofMinutes(1)));
		assertThatIllegalStateException().isThrownBy(this.snapshot::refresh).withMessage("unreachable");
		Health health = indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("snapshotTakenAt", FILED.toString())
			.containsEntry("snapshotAge", "PT1M")
			.containsEntry("merchants", Map.of("a", Map.of("open", 1, "awaitingFirstReply", 1, "overdue", 0)));
	}

	@Test
	void gaugesPerMerchantFollowTheLastRefresh() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		file("a", "a1", FILED);
		ComplaintDeadlineMetrics metrics = new ComplaintDeadlineMetrics(this.snapshot, registry, true);
		this.clock.set(FILED.plus(Duration.ofHours(2)));
		file("a", "a2", FILED.plus(Duration.ofHours(1)));
		file("b", "b1", FILED.plus(Duration.ofHours(1)));
		reply("b", "b1", FILED.plus(Duration.ofHours(1)));
		// Not refreshed yet: merchant b has no gauges, a shows the first snapshot.
		assertThat(registry.find(ComplaintDeadlineMetrics.OPEN).tag("merchant", "b").gauge()).isNull();
		assertThat(registry.get(ComplaintDeadlineMetrics.OPEN).tag("merchant", "a").gauge().value()).isOne();
		// Reading the snapshot again, without a scan's refresh of it, changes nothing.
		metrics.refresh();
		assertThat(registry.get(ComplaintDeadlineMetrics.OPEN).tag("merchant", "a").gauge().value()).isOne();
		assertThat(this.ledgerReads).hasValue(1);
		this.snapshot.refresh();
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
		this.snapshot.refresh();
		metrics.refresh();
		assertThat(registry.get(ComplaintDeadlineMetrics.OVERDUE).tag("merchant", "a").gauge().value()).isOne();
		int reads = this.ledgerReads.get();
		registry.getMeters().forEach(Meter::measure);
		assertThat(this.ledgerReads).as("a scrape reads no ledger").hasValue(reads);
	}

	@Test
	void gaugesWithoutTheMerchantTagAddUpEveryMerchant() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ComplaintDeadlineMetrics metrics = new ComplaintDeadlineMetrics(this.snapshot, registry, false);
		assertThat(registry.get(ComplaintDeadlineMetrics.OPEN).gauge().value()).isZero();
		file("a", "a1", FILED);
		file("b", "b1", FILED.plus(Duration.ofHours(1)));
		this.clock.set(FILED.plus(Duration.ofHours(3)));
		this.snapshot.refresh();
		metrics.refresh();
		assertThat(registry.get(ComplaintDeadlineMetrics.OPEN).gauge().getId().getTags()).isEmpty();
		assertThat(registry.get(ComplaintDeadlineMetrics.OPEN).gauge().value()).isEqualTo(2);
		assertThat(registry.get(ComplaintDeadlineMetrics.OLDEST_AWAITING_REPLY).gauge().value()).isEqualTo(3 * 3600);
		assertThat(registry.find(ComplaintDeadlineMetrics.OPEN).gauges()).hasSize(1);
	}

}
