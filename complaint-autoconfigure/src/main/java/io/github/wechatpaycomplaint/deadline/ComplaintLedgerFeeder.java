package io.github.wechatpaycomplaint.deadline;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import io.github.wechatpaycomplaint.deadline.event.PlatformServiceRequestedEvent;
import io.github.wechatpaycomplaint.event.ComplaintEvent;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.reconciliation.ComplaintReconciledEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;

/**
 * Records what notifications and reconciliation report into the ledger, and publishes a
 * {@link PlatformServiceRequestedEvent} the first time a complaint's user asks WeChat Pay
 * to step in (a notification is handled by one instance, so once across instances).
 *
 * <p>
 * Notifications map to facts by action: {@code CREATE_COMPLAINT} files,
 * {@code CONTINUE_COMPLAINT} reopens, {@code MERCHANT_RESPONSE} and the merchant's refund
 * decisions are replies, {@code MERCHANT_CONFIRM_COMPLETE} completes,
 * {@code USER_APPLY_PLATFORM_SERVICE} asks for help; the notification's create time is
 * when it happened. Other actions carry nothing the clocks need. A reconciled complaint
 * is observed with its filing time, state and {@code in_platform_service}.
 *
 * @since 0.1.0
 */
public final class ComplaintLedgerFeeder implements ApplicationListener<ComplaintEvent> {

	private final ComplaintLedger ledger;

	private final DeadlineRules rules;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final Runnable thresholdReached;

	/**
	 * Creates a feeder.
	 * @param ledger the ledger
	 * @param rules the rules, for the deadline of the platform-service event
	 * @param publisher publishes the platform-service event
	 * @param clock stamps when a reconciled complaint was seen
	 */
	public ComplaintLedgerFeeder(ComplaintLedger ledger, DeadlineRules rules, ApplicationEventPublisher publisher,
			Clock clock) {
		this(ledger, rules, publisher, clock, () -> {
		});
	}

	/**
	 * Creates a feeder that says when a fact leaves a complaint with a threshold already
	 * reached.
	 * @param ledger the ledger
	 * @param rules the rules, for the deadline of the platform-service event and the
	 * thresholds
	 * @param publisher publishes the platform-service event
	 * @param clock stamps when a reconciled complaint was seen, and judges thresholds
	 * @param thresholdReached runs when a recorded fact changed a complaint whose next
	 * threshold is already reached, e.g. {@link DeadlineWatchScheduler#scanSoon()}
	 */
	public ComplaintLedgerFeeder(ComplaintLedger ledger, DeadlineRules rules, ApplicationEventPublisher publisher,
			Clock clock, Runnable thresholdReached) {
		this.thresholdReached = Objects.requireNonNull(thresholdReached, "thresholdReached");
		this.ledger = Objects.requireNonNull(ledger, "ledger");
		this.rules = Objects.requireNonNull(rules, "rules");
		this.publisher = Objects.requireNonNull(publisher, "publisher");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	@Override
	public void onApplicationEvent(ComplaintEvent event) {
		ComplaintRef ref = new ComplaintRef(event.getMerchantName(), event.getMerchantId(), event.getComplaintId());
		if (event instanceof ComplaintNotificationEvent notification) {
			ComplaintFact fact = factOf(notification);
			if (fact != null) {
				record(ref, fact);
			}
		}
		else if (event instanceof ComplaintReconciledEvent reconciled) {
			recordRead(ref, reconciled.getComplaint(), this.clock.instant());
		}
	}

	/**
	 * Records what a complaint read from WeChat Pay states: its filing time and state,
	 * and whether the user asked WeChat Pay for help ({@code in_platform_service}). A
	 * complaint without {@code complaint_time} states nothing the clocks can use.
	 * @param ref which complaint
	 * @param complaint the complaint as listed or read
	 * @param seenAt when it was read
	 */
	void recordRead(ComplaintRef ref, Complaint complaint, Instant seenAt) {
		if (complaint.complaintTime() == null) {
			return;
		}
		record(ref,
				new ComplaintFact.Observed(complaint.complaintTime().toInstant(), complaint.complaintState(), seenAt));
		if (Boolean.TRUE.equals(complaint.inPlatformService())) {
			record(ref, new ComplaintFact.PlatformServiceRequested(seenAt));
		}
	}

	/**
	 * Records a fact and announces a first request for platform help.
	 * @param ref which complaint
	 * @param fact the fact
	 */
	void record(ComplaintRef ref, ComplaintFact fact) {
		ComplaintLedger.Recorded recorded = this.ledger.record(ref, fact);
		TrackedComplaint before = recorded.before();
		TrackedComplaint after = recorded.after();
		if (recorded.changed()) {
			Instant next = after.nextCheckAt(this.rules);
			if (next != null && !next.isAfter(this.clock.instant())) {
				this.thresholdReached.run();
			}
		}
		Instant requestedAt = after.platformServiceRequestedAt();
		if (requestedAt != null && (before == null || before.platformServiceRequestedAt() == null)) {
			Instant resolution = after.resolutionDeadline(this.rules);
			this.publisher.publishEvent(new PlatformServiceRequestedEvent(this, ref.merchantName(), ref.merchantId(),
					ref.complaintId(), after.round(), (resolution != null) ? resolution : requestedAt));
		}
	}

	private static @Nullable ComplaintFact factOf(ComplaintNotificationEvent notification) {
		Instant at = notification.getCreateTime().toInstant();
		return switch (notification.getActionType()) {
			case CREATE_COMPLAINT -> new ComplaintFact.Filed(at);
			case CONTINUE_COMPLAINT -> new ComplaintFact.Continued(at);
			case MERCHANT_RESPONSE, MERCHANT_APPROVE_REFUND, MERCHANT_REJECT_REFUND ->
				new ComplaintFact.MerchantReplied(at);
			case MERCHANT_CONFIRM_COMPLETE -> new ComplaintFact.Completed(at);
			case USER_APPLY_PLATFORM_SERVICE -> new ComplaintFact.PlatformServiceRequested(at);
			default -> null;
		};
	}

}
