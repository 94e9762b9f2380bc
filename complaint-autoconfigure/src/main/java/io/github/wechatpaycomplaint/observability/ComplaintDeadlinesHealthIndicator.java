package io.github.wechatpaycomplaint.observability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.wechatpaycomplaint.deadline.ComplaintDeadlineStatus;
import io.github.wechatpaycomplaint.deadline.ComplaintDeadlines;
import io.github.wechatpaycomplaint.deadline.MerchantDeadlineSummary;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Shows the overdue complaints (Actuator's {@code wechatpayComplaintDeadlines}): the
 * count per merchant and the most overdue complaints' ids and deadlines, never their
 * content. UP even with overdue complaints, since restarting the application fixes
 * nothing; DOWN when asked to be.
 *
 * @since 0.1.0
 */
public final class ComplaintDeadlinesHealthIndicator extends AbstractHealthIndicator {

	/** How many overdue complaints the details list. */
	static final int LISTED = 10;

	private final ComplaintDeadlines deadlines;

	private final boolean downWhenOverdue;

	/**
	 * Creates an indicator.
	 * @param deadlines the deadlines
	 * @param downWhenOverdue whether an overdue complaint makes the health DOWN
	 */
	public ComplaintDeadlinesHealthIndicator(ComplaintDeadlines deadlines, boolean downWhenOverdue) {
		super("WeChat Pay complaint deadlines health check failed");
		this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
		this.downWhenOverdue = downWhenOverdue;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, Object> merchants = new LinkedHashMap<>();
		int overdue = 0;
		for (MerchantDeadlineSummary summary : this.deadlines.summaries().values()) {
			overdue += summary.overdue();
			merchants.put(summary.merchantName(), Map.of("open", summary.open(), "awaitingFirstReply",
					summary.awaitingFirstReply(), "overdue", summary.overdue()));
		}
		builder.withDetail("overdue", overdue).withDetail("merchants", merchants);
		if (overdue > 0) {
			List<Map<String, Object>> listed = this.deadlines.urgent(LISTED)
				.stream()
				.filter(ComplaintDeadlineStatus::overdue)
				.map(ComplaintDeadlinesHealthIndicator::describe)
				.toList();
			builder.withDetail("mostOverdue", listed);
		}
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
