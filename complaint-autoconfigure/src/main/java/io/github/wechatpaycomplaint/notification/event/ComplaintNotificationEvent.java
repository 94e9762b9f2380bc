package io.github.wechatpaycomplaint.notification.event;

import java.time.OffsetDateTime;

import io.github.wechatpaycomplaint.event.ComplaintEvent;
import tools.jackson.databind.JsonNode;

/**
 * Published once per complaint notification, synchronously, inside the request that
 * delivered it: a listener that throws makes the endpoint answer 500, and WeChat Pay
 * delivers the notification again. Listen to this type for every notification, or to one
 * subclass (such as {@link ComplaintCreatedEvent}) for one action. The subclasses are
 * sealed: there is one per {@link ComplaintActionType}, and
 * {@link UnknownComplaintActionEvent} for an action this version does not know.
 * Reconciliation publishes {@code ComplaintReconciledEvent}, not this type; listen to
 * their parent, {@link ComplaintEvent}, for both.
 *
 * <p>
 * {@link #toString()} shows ids and types only, never the decrypted resource.
 *
 * @since 0.1.0
 */
public abstract sealed class ComplaintNotificationEvent extends ComplaintEvent
		permits ComplaintContinuedEvent, ComplaintCreatedEvent, MerchantApprovedRefundEvent,
		MerchantConfirmedCompleteEvent, MerchantRejectedRefundEvent, MerchantRespondedEvent, PlatformRespondedEvent,
		PlatformServiceAppliedEvent, PlatformServiceCancelledEvent, PlatformServiceFinishedEvent, RefundSucceededEvent,
		SellerRefundedEvent, UnknownComplaintActionEvent, UserRespondedEvent {

	private final transient ComplaintNotification notification;

	protected ComplaintNotificationEvent(ComplaintNotification notification) {
		super(notification, notification.merchantName(), notification.merchantId());
		this.notification = notification;
	}

	/**
	 * The whole notification.
	 * @return the notification
	 */
	public ComplaintNotification getNotification() {
		return this.notification;
	}

	/**
	 * The notification id, the same on every delivery of one notification.
	 * @return the id
	 */
	public String getNotificationId() {
		return this.notification.id();
	}

	/**
	 * The event type, e.g. {@code COMPLAINT.CREATE} or {@code COMPLAINT.STATE_CHANGE}.
	 * @return the event type
	 */
	public String getEventType() {
		return this.notification.eventType();
	}

	/**
	 * When WeChat Pay created the notification.
	 * @return the create time
	 */
	public OffsetDateTime getCreateTime() {
		return this.notification.createTime();
	}

	/**
	 * WeChat Pay's short summary, e.g. {@code 产生新投诉}.
	 * @return the summary
	 */
	public String getSummary() {
		return this.notification.summary();
	}

	/**
	 * The complaint the notification is about; fetch its detail with the complaint
	 * client.
	 * @return the complaint id
	 */
	@Override
	public String getComplaintId() {
		return this.notification.complaintId();
	}

	/**
	 * What happened to the complaint.
	 * @return the action type, {@link ComplaintActionType#UNKNOWN} for a value this
	 * version does not know
	 */
	public ComplaintActionType getActionType() {
		return this.notification.actionType();
	}

	/**
	 * The action type exactly as WeChat Pay sent it.
	 * @return the raw action type
	 */
	public String getRawActionType() {
		return this.notification.rawActionType();
	}

	/**
	 * The decrypted resource, with any field WeChat Pay adds later. In durable processing
	 * the inbox keeps only {@code complaint_id} and {@code action_type} of it, and this
	 * returns those.
	 * @return the decrypted JSON, a new tree on each call
	 */
	public JsonNode getResource() {
		return this.notification.resource();
	}

	/**
	 * The decrypted resource as JSON text; in durable processing with
	 * {@code complaint_id} and {@code action_type} only.
	 * @return the decrypted JSON text
	 */
	public String getResourceJson() {
		return this.notification.resourceJson();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[merchant=" + getMerchantName() + ", notificationId=" + getNotificationId()
				+ ", eventType=" + getEventType() + ", complaintId=" + getComplaintId() + ", actionType="
				+ getRawActionType() + "]";
	}

}
