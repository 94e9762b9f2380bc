package io.github.wechatpaycomplaint.simulator.notify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One notification sent to one URL, with every attempt; a duplicate is a second delivery
 * of the same notification (same id, same body).
 *
 * @since 0.1.0
 */
public final class NotificationDelivery {

	private final String notificationId;

	private final String complaintId;

	private final String eventType;

	private final String actionType;

	private final boolean duplicate;

	private final URI target;

	private final byte[] body;

	private final boolean repeatAfterDelivery;

	private final List<DeliveryAttempt> attempts = new CopyOnWriteArrayList<>();

	private volatile boolean finished;

	NotificationDelivery(String notificationId, String complaintId, String eventType, String actionType,
			boolean duplicate, URI target, byte[] body, boolean repeatAfterDelivery) {
		this.notificationId = notificationId;
		this.complaintId = complaintId;
		this.eventType = eventType;
		this.actionType = actionType;
		this.duplicate = duplicate;
		this.target = target;
		this.body = body;
		this.repeatAfterDelivery = repeatAfterDelivery;
	}

	public String getNotificationId() {
		return this.notificationId;
	}

	public String getComplaintId() {
		return this.complaintId;
	}

	public String getEventType() {
		return this.eventType;
	}

	public String getActionType() {
		return this.actionType;
	}

	/**
	 * Whether this is the repeated delivery of a notification already delivered.
	 * @return {@code true} for the duplicate
	 */
	public boolean isDuplicate() {
		return this.duplicate;
	}

	public URI getTarget() {
		return this.target;
	}

	/**
	 * The JSON body that was sent (the resource stays encrypted).
	 * @return the body
	 */
	public String getBody() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	boolean repeatAfterDelivery() {
		return this.repeatAfterDelivery;
	}

	byte[] bodyBytes() {
		return this.body;
	}

	public List<DeliveryAttempt> getAttempts() {
		return List.copyOf(this.attempts);
	}

	/**
	 * Whether an attempt was answered with a 2xx.
	 * @return {@code true} once delivered
	 */
	public boolean isDelivered() {
		return this.attempts.stream().anyMatch(DeliveryAttempt::succeeded);
	}

	/**
	 * Whether no further attempt will be made: delivered, or out of attempts.
	 * @return {@code true} when finished
	 */
	public boolean isFinished() {
		return this.finished;
	}

	void record(DeliveryAttempt attempt) {
		this.attempts.add(attempt);
	}

	void finish() {
		this.finished = true;
	}

	@Override
	public String toString() {
		return "NotificationDelivery[id=" + this.notificationId + ", " + this.eventType + "/" + this.actionType
				+ ", complaint=" + this.complaintId + ", duplicate=" + this.duplicate + ", attempts=" + this.attempts
				+ "]";
	}

}
