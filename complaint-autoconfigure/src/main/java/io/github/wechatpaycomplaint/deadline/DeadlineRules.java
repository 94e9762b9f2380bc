package io.github.wechatpaycomplaint.deadline;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a merchant has to reply to a complaint and to resolve it, and how long before
 * each deadline the watcher warns.
 *
 * @param firstReply time from filing (or reopening) to the merchant's first reply
 * @param resolution time from filing (or reopening) to completion
 * @param firstReplyWarning lead before the first-reply deadline at which "due soon" is
 * published
 * @param resolutionWarning lead before the resolution deadline at which "due soon" is
 * published
 * @since 0.1.0
 */
public record DeadlineRules(Duration firstReply, Duration resolution, Duration firstReplyWarning,
		Duration resolutionWarning) {

	/**
	 * WeChat Pay's published rule: first reply within 24 hours, resolution within 72
	 * hours; warnings 4 and 12 hours before.
	 */
	public static final DeadlineRules WECHAT_PAY = new DeadlineRules(Duration.ofHours(24), Duration.ofHours(72),
			Duration.ofHours(4), Duration.ofHours(12));

	public DeadlineRules {
		requirePositive(firstReply, "firstReply");
		requirePositive(resolution, "resolution");
		requirePositive(firstReplyWarning, "firstReplyWarning");
		requirePositive(resolutionWarning, "resolutionWarning");
		if (firstReplyWarning.compareTo(firstReply) >= 0) {
			throw new IllegalArgumentException("firstReplyWarning must be shorter than firstReply");
		}
		if (resolutionWarning.compareTo(resolution) >= 0) {
			throw new IllegalArgumentException("resolutionWarning must be shorter than resolution");
		}
		if (resolution.compareTo(firstReply) < 0) {
			throw new IllegalArgumentException("resolution must not be shorter than firstReply");
		}
	}

	private static void requirePositive(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

}
