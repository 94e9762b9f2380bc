package io.github.wechatpaycomplaint.deadline;

/**
 * A point on a complaint's clocks at which the watcher publishes an event.
 *
 * @since 0.1.0
 */
public enum Threshold {

	/** The first reply is due within the first-reply warning. */
	FIRST_REPLY_DUE_SOON,

	/** The first reply is past due. */
	FIRST_REPLY_OVERDUE,

	/** The resolution is due within the resolution warning. */
	RESOLUTION_DUE_SOON,

	/** The resolution is past due. */
	RESOLUTION_OVERDUE;

	/**
	 * Whether this threshold is a deadline passed rather than a warning.
	 * @return {@code true} for the overdue thresholds
	 */
	public boolean isOverdue() {
		return this == FIRST_REPLY_OVERDUE || this == RESOLUTION_OVERDUE;
	}

}
