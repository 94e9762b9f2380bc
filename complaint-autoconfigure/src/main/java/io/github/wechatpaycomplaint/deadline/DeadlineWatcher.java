package io.github.wechatpaycomplaint.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.github.wechatpaycomplaint.deadline.event.ComplaintDeadlineEvent;
import io.github.wechatpaycomplaint.deadline.event.FirstReplyDueSoonEvent;
import io.github.wechatpaycomplaint.deadline.event.FirstReplyOverdueEvent;
import io.github.wechatpaycomplaint.deadline.event.ResolutionDueSoonEvent;
import io.github.wechatpaycomplaint.deadline.event.ResolutionOverdueEvent;
import io.github.wechatpaycomplaint.notification.NotificationClaim;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Looks at the complaints whose next threshold is reached and publishes one
 * {@link ComplaintDeadlineEvent} per complaint, round and threshold: the ledger's
 * compare-and-set decides which caller publishes, so two watchers sharing a ledger, or a
 * watcher restarted between two thresholds, publish each threshold once. A threshold is
 * marked before its event is published: a listener that throws is logged and does not get
 * the event again.
 *
 * <p>
 * On a shared ledger a scan also takes a lock in the notification de-duplication store,
 * so that instances do not scan the same complaints together.
 *
 * @since 0.1.0
 */
public final class DeadlineWatcher {

	/** The key of the scan lock in the de-duplication store. */
	static final String LOCK_KEY = "deadline-scan-lock";

	private static final Log logger = LogFactory.getLog(DeadlineWatcher.class);

	private final ComplaintLedger ledger;

	private final DeadlineRules rules;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final int batchSize;

	private final @Nullable NotificationDeduplicationStore lockStore;

	private final Duration lockLease;

	/**
	 * Creates a watcher that scans without a lock.
	 * @param ledger the ledger
	 * @param rules the deadlines and warnings
	 * @param publisher publishes the events
	 * @param clock the clock thresholds are judged by
	 * @param batchSize how many complaints a scan reads from the ledger at a time
	 */
	public DeadlineWatcher(ComplaintLedger ledger, DeadlineRules rules, ApplicationEventPublisher publisher,
			Clock clock, int batchSize) {
		this(ledger, rules, publisher, clock, batchSize, null, Duration.ofMinutes(1));
	}

	/**
	 * Creates a watcher.
	 * @param ledger the ledger
	 * @param rules the deadlines and warnings
	 * @param publisher publishes the events
	 * @param clock the clock thresholds are judged by
	 * @param batchSize how many complaints a scan reads from the ledger at a time
	 * @param lockStore holds the scan lock when the ledger is shared, or {@code null}
	 * @param lockLease how long the lock holds if the instance dies while scanning
	 */
	public DeadlineWatcher(ComplaintLedger ledger, DeadlineRules rules, ApplicationEventPublisher publisher,
			Clock clock, int batchSize, @Nullable NotificationDeduplicationStore lockStore, Duration lockLease) {
		this.ledger = Objects.requireNonNull(ledger, "ledger");
		this.rules = Objects.requireNonNull(rules, "rules");
		this.publisher = Objects.requireNonNull(publisher, "publisher");
		this.clock = Objects.requireNonNull(clock, "clock");
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be at least 1");
		}
		this.batchSize = batchSize;
		this.lockStore = lockStore;
		this.lockLease = Objects.requireNonNull(lockLease, "lockLease");
	}

	/**
	 * Scans once: publishes every threshold reached now and not published before.
	 * @return how many events were published, 0 when another instance holds the lock
	 */
	public int scan() {
		NotificationDeduplicationStore store = this.ledger.isShared() ? this.lockStore : null;
		if (store == null) {
			return scanUnlocked();
		}
		NotificationClaim lock = store.claim(LOCK_KEY, this.lockLease);
		if (lock.status() != NotificationClaim.Status.CLAIMED) {
			logger.debug("Complaint deadline scan skipped: another instance is scanning");
			return 0;
		}
		try {
			return scanUnlocked();
		}
		finally {
			store.release(lock);
		}
	}

	private int scanUnlocked() {
		Instant now = this.clock.instant();
		int published = 0;
		while (true) {
			List<TrackedComplaint> due = this.ledger.dueForCheck(now, this.batchSize);
			int marked = 0;
			for (TrackedComplaint complaint : due) {
				for (Threshold threshold : complaint.reachedThresholds(now, this.rules)) {
					if (this.ledger.markPublished(complaint.ref(), complaint.round(), threshold)) {
						marked++;
						published += publish(complaint, threshold) ? 1 : 0;
					}
				}
			}
			// A short batch was the last; a full one where nothing could be marked
			// (others marked it meanwhile) would only come back the same.
			if (due.size() < this.batchSize || marked == 0) {
				return published;
			}
		}
	}

	private boolean publish(TrackedComplaint complaint, Threshold threshold) {
		ComplaintRef ref = complaint.ref();
		boolean firstReply = threshold == Threshold.FIRST_REPLY_DUE_SOON || threshold == Threshold.FIRST_REPLY_OVERDUE;
		Instant deadline = Objects.requireNonNull(
				firstReply ? complaint.firstReplyDeadline(this.rules) : complaint.resolutionDeadline(this.rules));
		ComplaintDeadlineEvent event = switch (threshold) {
			case FIRST_REPLY_DUE_SOON -> new FirstReplyDueSoonEvent(this, ref.merchantName(), ref.merchantId(),
					ref.complaintId(), complaint.round(), deadline);
			case FIRST_REPLY_OVERDUE -> new FirstReplyOverdueEvent(this, ref.merchantName(), ref.merchantId(),
					ref.complaintId(), complaint.round(), deadline);
			case RESOLUTION_DUE_SOON -> new ResolutionDueSoonEvent(this, ref.merchantName(), ref.merchantId(),
					ref.complaintId(), complaint.round(), deadline);
			case RESOLUTION_OVERDUE -> new ResolutionOverdueEvent(this, ref.merchantName(), ref.merchantId(),
					ref.complaintId(), complaint.round(), deadline);
		};
		try {
			this.publisher.publishEvent(event);
			return true;
		}
		catch (RuntimeException ex) {
			logger.error("A listener failed on " + event + "; it is not published again", ex);
			return false;
		}
	}

}
