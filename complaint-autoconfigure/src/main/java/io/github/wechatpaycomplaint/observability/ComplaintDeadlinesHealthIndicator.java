package io.github.wechatpaycomplaint.observability;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.wechatpaycomplaint.deadline.ComplaintDeadlineStatus;
import io.github.wechatpaycomplaint.deadline.DeadlineSnapshot;
import io.github.wechatpaycomplaint.deadline.LatestDeadlineSnapshot;
import io.github.wechatpaycomplaint.deadline.MerchantDeadlineSummary;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Shows the overdue complaints (Actuator's {@code wechatpayComplaintDeadlines}): the
 * count per merchant and the most overdue complaints' ids and deadlines, never their
 * content. UP even with overdue complaints, since restarting the application fixes
 * nothing; DOWN when asked to be.
 *
 * <p>
 * A health request does not read the ledger: it shows the snapshot taken after the last
 * deadline scan ({@link LatestDeadlineSnapshot}), with when it was taken
 * ({@code snapshotTakenAt}) and its age ({@code snapshotAge}); only a request before the
 * first scan takes one.
 *
 * @since 0.1.0
 */
public final class ComplaintDeadlinesHealthIndicator extends AbstractHealthIndicator {

	/** How many overdue complaints the details list. */
	public static final int LISTED = 10;

	private final LatestDeadlineSnapshot snapshot;

	private final Clock clock;

	private final boolean downWhenOverdue;

	/**
	 * Creates an indicator.
	 * @param snapshot the snapshot refreshed after each scan, listing at least
	 * {@value #LISTED} overdue complaints
	 * @param clock the clock of the snapshot's age, the deadlines'
	 * @param downWhenOverdue whether an overdue complaint makes the health DOWN
	 */
	public ComplaintDeadlinesHealthIndicator(LatestDeadlineSnapshot snapshot, Clock clock, boolean downWhenOverdue) {
		super("WeChat Pay complaint deadlines health check failed");
		this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.downWhenOverdue = downWhenOverdue;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		DeadlineSnapshot taken = this.snapshot.get();
		Map<String, Object> merchants = new LinkedHashMap<>();
		for (MerchantDeadlineSummary summary : taken.summaries().values()) {
			merchants.put(summary.merchantName(), Map.of("open", summary.open(), "awaitingFirstReply",
					summary.awaitingFirstReply(), "overdue", summary.overdue()));
		}
		int overdue = taken.overdue();
		builder.withDetail("overdue", overdue).withDetail("merchants", merchants);
		if (overdue > 0) {
			List<Map<String, Object>> listed = taken.mostOverdue()
				.stream()
				.limit(LISTED)
				.map(ComplaintDeadlinesHealthIndicator::describe)
				.toList();
			builder.withDetail("mostOverdue", listed);
		}
		builder.withDetail("snapshotTakenAt", taken.takenAt().toString())
			.withDetail("snapshotAge", InboxAge.between(taken.takenAt(), this.clock.instant()).toString());
		if (overdue > 0 && this.downWhenOverdue) {
			builder.down();
		}
		else {
			builder.up();
		}
	}

	private static Map<String, Object> describe(ComplaintDeadlineStatus status) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("merchant", status.ref().merchantName());
		described.put("complaintId", status.ref().complaintId());
		described.put("deadline", status.nearestDeadline().toString());
		described.put("awaitingFirstReply", status.firstReplyDeadline() != null);
		return described;
	}

}
