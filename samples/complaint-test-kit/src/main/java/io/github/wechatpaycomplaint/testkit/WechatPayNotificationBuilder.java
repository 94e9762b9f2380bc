package io.github.wechatpaycomplaint.testkit;

import java.security.PrivateKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.wechatpaycomplaint.notification.event.ComplaintActionType;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;

/**
 * Builds a complaint notification as WeChat Pay sends it, signed with a WeChat Pay key
 * and encrypted with the APIv3 key, or with one of the {@link NotificationDefect
 * deliberate defects}. Every field has a sensible default except the keys;
 * {@link WechatPayTestKeys#notification()} sets those. The simulator's
 * {@link SignedNotificationBuilder} encrypts and signs; this class adds the typed action
 * types and the {@code Content-Type} header.
 *
 * @since 0.1.0
 */
public final class WechatPayNotificationBuilder {

	private static final String CONTENT_TYPE = "Content-Type";

	private final SignedNotificationBuilder notification = SignedNotificationBuilder.create();

	private boolean withoutContentType;

	/**
	 * A builder without keys; set {@link #signingKey}, {@link #serial} and
	 * {@link #apiV3Key}.
	 * @return a new builder
	 */
	public static WechatPayNotificationBuilder create() {
		return new WechatPayNotificationBuilder();
	}

	/**
	 * The notification id; duplicates of one notification share it.
	 * @param id the id
	 * @return this builder
	 */
	public WechatPayNotificationBuilder id(String id) {
		this.notification.id(id);
		return this;
	}

	public WechatPayNotificationBuilder eventType(String eventType) {
		this.notification.eventType(eventType);
		return this;
	}

	public WechatPayNotificationBuilder actionType(String actionType) {
		this.notification.actionType(actionType);
		return this;
	}

	public WechatPayNotificationBuilder complaintId(String complaintId) {
		this.notification.complaintId(complaintId);
		return this;
	}

	/**
	 * A new complaint: {@code COMPLAINT.CREATE} with {@code CREATE_COMPLAINT}.
	 * @param complaintId the complaint
	 * @return this builder
	 */
	public WechatPayNotificationBuilder complaintCreated(String complaintId) {
		return complaintId(complaintId).eventType("COMPLAINT.CREATE").actionType("CREATE_COMPLAINT");
	}

	/**
	 * A state change: {@code COMPLAINT.STATE_CHANGE} with the given action, e.g.
	 * {@link ComplaintActionType#USER_RESPONSE}.
	 * @param complaintId the complaint
	 * @param actionType the action type; {@link ComplaintActionType#UNKNOWN} is not a
	 * value WeChat Pay sends, so a test of an action type this version does not know
	 * passes it as text to {@link #stateChanged(String, String)}
	 * @return this builder
	 */
	public WechatPayNotificationBuilder stateChanged(String complaintId, ComplaintActionType actionType) {
		Objects.requireNonNull(actionType, "actionType");
		if (actionType == ComplaintActionType.UNKNOWN) {
			throw new IllegalArgumentException("UNKNOWN is not an action type WeChat Pay sends; to test one this "
					+ "version does not know, pass its text: stateChanged(complaintId, \"NEW_ACTION\")");
		}
		return stateChanged(complaintId, actionType.name());
	}

	/**
	 * A state change with an action type given as WeChat Pay's text, including one this
	 * version does not know (published as {@code UnknownComplaintActionEvent}).
	 * @param complaintId the complaint
	 * @param actionType the action type as sent, e.g. {@code USER_RESPONSE}
	 * @return this builder
	 */
	public WechatPayNotificationBuilder stateChanged(String complaintId, String actionType) {
		return complaintId(complaintId).eventType("COMPLAINT.STATE_CHANGE").actionType(actionType);
	}

	public WechatPayNotificationBuilder createTime(OffsetDateTime createTime) {
		this.notification.createTime(createTime);
		return this;
	}

	public WechatPayNotificationBuilder summary(String summary) {
		this.notification.summary(summary);
		return this;
	}

	/**
	 * The {@code Wechatpay-Timestamp}; now by default.
	 * @param timestamp the time
	 * @return this builder
	 */
	public WechatPayNotificationBuilder timestamp(Instant timestamp) {
		this.notification.timestamp(timestamp);
		return this;
	}

	/**
	 * The {@code Wechatpay-Nonce}; random by default.
	 * @param nonce the nonce
	 * @return this builder
	 */
	public WechatPayNotificationBuilder nonce(String nonce) {
		this.notification.nonce(nonce);
		return this;
	}

	/**
	 * The {@code Wechatpay-Serial}: the public key id or platform certificate serial of
	 * the signing key.
	 * @param serial the serial
	 * @return this builder
	 */
	public WechatPayNotificationBuilder serial(String serial) {
		this.notification.serial(serial);
		return this;
	}

	public WechatPayNotificationBuilder signingKey(PrivateKey signingKey) {
		this.notification.signingKey(signingKey);
		return this;
	}

	public WechatPayNotificationBuilder apiV3Key(String apiV3Key) {
		this.notification.apiV3Key(apiV3Key);
		return this;
	}

	/**
	 * The {@code resource.nonce} (AES-GCM IV); random by default.
	 * @param resourceNonce 12 characters
	 * @return this builder
	 */
	public WechatPayNotificationBuilder resourceNonce(String resourceNonce) {
		this.notification.resourceNonce(resourceNonce);
		return this;
	}

	/**
	 * The {@code resource.associated_data}; {@code complaint} by default.
	 * @param associatedData the associated data
	 * @return this builder
	 */
	public WechatPayNotificationBuilder associatedData(String associatedData) {
		this.notification.associatedData(associatedData);
		return this;
	}

	/**
	 * Builds in a deliberate defect; several may be combined.
	 * @param defect the defect
	 * @return this builder
	 */
	public WechatPayNotificationBuilder defect(NotificationDefect defect) {
		this.notification.fault(defect.fault());
		return this;
	}

	/**
	 * Leaves a header out, e.g. {@code Wechatpay-Timestamp}.
	 * @param header the header name
	 * @return this builder
	 */
	public WechatPayNotificationBuilder withoutHeader(String header) {
		this.withoutContentType |= CONTENT_TYPE.equals(header);
		this.notification.withoutHeader(header);
		return this;
	}

	/**
	 * Builds the notification.
	 * @return the body and headers
	 * @throws NullPointerException when the signing key, serial or APIv3 key is not set
	 * ({@link WechatPayTestKeys#notification()} sets them)
	 */
	public WechatPayNotification build() {
		SignedNotification signed = this.notification.requestId("TESTKIT-" + this.notification.id()).build();
		Map<String, String> headers = new LinkedHashMap<>();
		if (!this.withoutContentType) {
			headers.put(CONTENT_TYPE, "application/json");
		}
		headers.putAll(signed.headers());
		return new WechatPayNotification(signed.id(), signed.body(), headers);
	}

}
