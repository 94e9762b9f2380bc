package io.github.wechatpaycomplaint.deadline;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.wechatpaycomplaint.deadline.ComplaintFact.Filed;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class DeadlineWatchSchedulerTests {

	private static final Instant FILED = Instant.parse("2026-12-01T00:00:00Z");

	private final MutableClock clock = new MutableClock(FILED);

	private final MemoryComplaintLedger ledger = new MemoryComplaintLedger(DeadlineRules.WECHAT_PAY, this.clock);

	private final AtomicInteger published = new AtomicInteger();

	private final DeadlineWatcher watcher = new DeadlineWatcher(this.ledger, DeadlineRules.WECHAT_PAY,
			(event) -> this.published.incrementAndGet(), this.clock, 2);

	@Test
	void aRefreshThatFailsAfterAScanIsReportedAsSuchAndTheEventsStayPublished(CapturedOutput output) {
		this.ledger.record(MemoryComplaintLedgerTests.ref("a", 1), new Filed(FILED));
		this.clock.set(FILED.plus(Duration.ofHours(25)));
		DeadlineWatchScheduler scheduler = new DeadlineWatchScheduler(this.watcher, this.ledger, Duration.ofMinutes(1),
				Duration.ofDays(7), Duration.ofDays(30), () -> {
					throw new IllegalStateException("The Redis complaint ledger did not answer within 2000 ms");
				});
		scheduler.runOnce();
		assertThat(this.published).hasValue(1);
		assertThat(output)
			.contains("Complaint deadline scan done, but what health and gauges show could not be "
					+ "refreshed (The Redis complaint ledger did not answer within 2000 ms); they keep the previous "
					+ "figures until the next scan in 60 s")
			.doesNotContain("Complaint deadline scan failed");
	}

	@Test
	void aScanThatFailsSkipsTheRefreshAndSaysSo(CapturedOutput output) {
		AtomicInteger refreshes = new AtomicInteger();
		// A ledger whose store is down: every call fails.
		ComplaintLedger down = (ComplaintLedger) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { ComplaintLedger.class }, (proxy, method, arguments) -> {
					throw new IllegalStateException("The JDBC complaint ledger did not answer within 2000 ms");
				});
		DeadlineWatcher watcher = new DeadlineWatcher(down, DeadlineRules.WECHAT_PAY,
				(event) -> this.published.incrementAndGet(), this.clock, 2);
		new DeadlineWatchScheduler(watcher, down, Duration.ofMinutes(1), Duration.ofDays(7), Duration.ofDays(30),
				refreshes::incrementAndGet)
			.runOnce();
		assertThat(refreshes).hasValue(0);
		assertThat(this.published).hasValue(0);
		assertThat(output).contains("Complaint deadline scan failed (The JDBC complaint ledger did not answer within "
				+ "2000 ms); next scan in 60 s");
	}

}
