package io.github.wechatpaycomplaint.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.wechatpaycomplaint.deadline.event.PlatformServiceRequestedEvent;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.reconciliation.ComplaintReconciledEvent;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reconciled complaint tells the ledger: its filing time and state, a request for
 * platform help announced once, and nothing when it has no filing time.
 */
class ComplaintLedgerFeederTests {

	private static final Instant FILED = Instant.parse("2026-11-20T02:15:22Z");

	private final MutableClock clock = new MutableClock(FILED.plus(Duration.ofHours(2)));

	private final MemoryComplaintLedger ledger = new MemoryComplaintLedger(DeadlineRules.WECHAT_PAY, this.clock);

	private final List<Object> published = new CopyOnWriteArrayList<>();

	private final AtomicInteger scansRequested = new AtomicInteger();

	private final ComplaintLedgerFeeder feeder = new ComplaintLedgerFeeder(this.ledger, DeadlineRules.WECHAT_PAY,
			this.published::add, this.clock, this.scansRequested::incrementAndGet);

	@Test
	void aReconciledComplaintIsObserved() {
		this.feeder.onApplicationEvent(reconciled("{\"complaint_id\":\"c1\","
				+ "\"complaint_time\":\"2026-11-20T10:15:22+08:00\",\"complaint_state\":\"PROCESSING\"}"));
		TrackedComplaint tracked = this.ledger.find("default", "c1").orElseThrow();
		assertThat(tracked.ref()).isEqualTo(new ComplaintRef("default", "1900000001", "c1"));
		assertThat(tracked.roundStart()).isEqualTo(FILED);
		assertThat(tracked.firstReplyAt()).isEqualTo(this.clock.instant());
		assertThat(this.published).isEmpty();
	}

	@Test
	void aComplaintInPlatformServiceIsAnnouncedOnce() {
		String json = "{\"complaint_id\":\"c1\",\"complaint_time\":\"2026-11-20T10:15:22+08:00\","
				+ "\"complaint_state\":\"PENDING\",\"in_platform_service\":true}";
		this.feeder.onApplicationEvent(reconciled(json));
		this.clock.advance(Duration.ofMinutes(10));
		this.feeder.onApplicationEvent(reconciled(json));
		assertThat(this.published).singleElement()
			.isInstanceOfSatisfying(PlatformServiceRequestedEvent.class,
					(event) -> assertThat(event.getDeadline()).isEqualTo(FILED.plus(Duration.ofHours(72))));
	}

	@Test
	void aComplaintWithoutAFilingTimeRecordsNothing() {
		this.feeder.onApplicationEvent(reconciled("{\"complaint_id\":\"c1\",\"complaint_state\":\"PENDING\"}"));
		assertThat(this.ledger.size()).isZero();
	}

	@Test
	void aComplaintLearnedPastAThresholdAsksForAScanAtOnceAndOnlyWhenItChanged() {
		String fresh = "{\"complaint_id\":\"c1\",\"complaint_time\":\"2026-11-20T10:15:22+08:00\","
				+ "\"complaint_state\":\"PENDING\"}";
		this.feeder.onApplicationEvent(reconciled(fresh));
		assertThat(this.scansRequested).hasValue(0);
		this.clock.advance(Duration.ofHours(19));
		this.feeder.onApplicationEvent(reconciled(fresh.replace("c1", "c2")));
		assertThat(this.scansRequested).as("20 h after filing: due soon is reached").hasValue(1);
		this.feeder.onApplicationEvent(reconciled(fresh.replace("c1", "c2")));
		assertThat(this.scansRequested).as("the same listing changes nothing").hasValue(1);
		this.feeder.onApplicationEvent(reconciled(fresh.replace("PENDING", "PROCESSED")));
		assertThat(this.scansRequested).as("a completion leaves no threshold").hasValue(1);
	}

	private static ComplaintReconciledEvent reconciled(String json) {
		Complaint complaint = new JsonMapper().readValue(json, Complaint.class);
		return new ComplaintReconciledEvent(new Object(), "default", "1900000001", complaint);
	}

}
