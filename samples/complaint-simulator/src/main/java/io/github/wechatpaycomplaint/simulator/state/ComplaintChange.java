package io.github.wechatpaycomplaint.simulator.state;

/**
 * A change WeChat Pay notifies the merchant of.
 *
 * @param complaintId the complaint
 * @param eventType {@code COMPLAINT.CREATE} or {@code COMPLAINT.STATE_CHANGE}
 * @param actionType the {@code action_type} of the plaintext, e.g. {@code USER_RESPONSE}
 * @since 0.1.0
 */
public record ComplaintChange(String complaintId, String eventType, String actionType) {

	/** Event type of a new complaint. */
	public static final String CREATE = "COMPLAINT.CREATE";

	/** Event type of every other change. */
	public static final String STATE_CHANGE = "COMPLAINT.STATE_CHANGE";

}
