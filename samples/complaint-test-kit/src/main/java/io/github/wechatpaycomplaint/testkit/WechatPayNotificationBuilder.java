package io.github.wechatpaycomplaint.testkit;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.github.wechatpaycomplaint.notification.event.ComplaintActionType;
import io.github.wechatpaycomplaint.simulator.crypto.AesGcm;
import io.github.wechatpaycomplaint.simulator.crypto.WechatPayHeaders;
import io.github.wechatpaycomplaint.simulator.http.AnswerSigner;
import io.github.wechatpaycomplaint.simulator.keys.WechatPaySigningKey;
import io.github.wechatpaycomplaint.simulator.notify.NotificationBodyWriter;
import io.github.wechatpaycomplaint.simulator.notify.NotificationEnvelope;
import io.github.wechatpaycomplaint.simulator.notify.ResourceNonces;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a complaint notification as WeChat Pay sends it, signed with a WeChat Pay key
 * and encrypted with the APIv3 key, or with one of the {@link NotificationDefect
 * deliberate defects}. Every field has a sensible default except the keys;
 * {@link WechatPayTestKeys#notification()} sets those.
 *
 * @since 0.1.0
 */
public final class WechatPayNotificationBuilder {

	private static final JsonMapper JSON = new JsonMapper();

	// WeChat Pay's signature probe: a signature starting with this must be refused.
	private static final String SIGNATURE_PROBE_PREFIX = "WECHATPAY/SIGNTEST/";

	private String id = UUID.randomUUID().toString();

	private String eventType = "COMPLAINT.CREATE";

	private String actionType = "CREATE_COMPLAINT";

	private String complaintId = "200000020250613090012345678";

	private OffsetDateTime createTime = OffsetDateTime.now(ZoneOffset.ofHours(8));

	private String summary;

	private Instant timestamp;

	private String nonce;

	private String serial;

	private PrivateKey signingKey;

	private String apiV3Key;

	private String resourceNonce;

	private String algorithm = AesGcm.ALGORITHM;

	private String associatedData = NotificationEnvelope.COMPLAINT;

	private final Set<NotificationDefect> defects = EnumSet.noneOf(NotificationDefect.class);

	private final Set<String> removedHeaders = new HashSet<>();

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
		this.id = id;
		return this;
	}

	public WechatPayNotificationBuilder eventType(String eventType) {
		this.eventType = eventType;
		return this;
	}

	public WechatPayNotificationBuilder actionType(String actionType) {
		this.actionType = actionType;
		return this;
	}

	public WechatPayNotificationBuilder complaintId(String complaintId) {
		this.complaintId = complaintId;
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
		this.createTime = createTime;
		return this;
	}

	public WechatPayNotificationBuilder summary(String summary) {
		this.summary = summary;
		return this;
	}

	/**
	 * The {@code Wechatpay-Timestamp}; now by default.
	 * @param timestamp the time
	 * @return this builder
	 */
	public WechatPayNotificationBuilder timestamp(Instant timestamp) {
		this.timestamp = timestamp;
		return this;
	}

	/**
	 * The {@code Wechatpay-Nonce}; random by default.
	 * @param nonce the nonce
	 * @return this builder
	 */
	public WechatPayNotificationBuilder nonce(String nonce) {
		this.nonce = nonce;
		return this;
	}

	/**
	 * The {@code Wechatpay-Serial}: the public key id or platform certificate serial of
	 * the signing key.
	 * @param serial the serial
	 * @return this builder
	 */
	public WechatPayNotificationBuilder serial(String serial) {
		this.serial = serial;
		return this;
	}

	public WechatPayNotificationBuilder signingKey(PrivateKey signingKey) {
		this.signingKey = signingKey;
		return this;
	}

	public WechatPayNotificationBuilder apiV3Key(String apiV3Key) {
		this.apiV3Key = apiV3Key;
		return this;
	}

	/**
	 * The {@code resource.nonce} (AES-GCM IV); random by default.
	 * @param resourceNonce 12 characters
	 * @return this builder
	 */
	public WechatPayNotificationBuilder resourceNonce(String resourceNonce) {
		this.resourceNonce = resourceNonce;
		return this;
	}

	/**
	 * The {@code resource.associated_data}; {@code complaint} by default.
	 * @param associatedData the associated data
	 * @return this builder
	 */
	public WechatPayNotificationBuilder associatedData(String associatedData) {
		this.associatedData = associatedData;
		return this;
	}

	/**
	 * Builds in a deliberate defect; several may be combined.
	 * @param defect the defect
	 * @return this builder
	 */
	public WechatPayNotificationBuilder defect(NotificationDefect defect) {
		this.defects.add(defect);
		return this;
	}

	/**
	 * Leaves a header out, e.g. {@code Wechatpay-Timestamp}.
	 * @param header the header name
	 * @return this builder
	 */
	public WechatPayNotificationBuilder withoutHeader(String header) {
		this.removedHeaders.add(header);
		return this;
	}

	/**
	 * Builds the notification.
	 * @return the body and headers
	 */
	public WechatPayNotification build() {
		Objects.requireNonNull(this.signingKey, "signingKey: use WechatPayTestKeys.notification() or set the key");
		Objects.requireNonNull(this.serial, "serial");
		Objects.requireNonNull(this.apiV3Key, "apiV3Key");
		String plaintext = "{\"complaint_id\":\"" + this.complaintId + "\",\"action_type\":\"" + this.actionType
				+ "\"}";
		NotificationEnvelope template = NotificationEnvelope.complaint(this.eventType, this.complaintId,
				this.actionType, this.createTime);
		NotificationEnvelope envelope = new NotificationEnvelope(this.id,
				DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(this.createTime.truncatedTo(ChronoUnit.SECONDS)),
				this.eventType, NotificationEnvelope.ENCRYPT_RESOURCE,
				(this.summary != null) ? this.summary : template.summary(), NotificationEnvelope.COMPLAINT,
				has(NotificationDefect.UNSUPPORTED_ALGORITHM) ? "AEAD_SM4_GCM" : this.algorithm, this.associatedData,
				(this.resourceNonce != null) ? this.resourceNonce : ResourceNonces.next(),
				plaintext.getBytes(StandardCharsets.UTF_8));
		String key = has(NotificationDefect.WRONG_API_V3_KEY) ? new StringBuilder(this.apiV3Key).reverse().toString()
				: this.apiV3Key;
		byte[] body = new NotificationBodyWriter(JSON).write(envelope, new AesGcm(key));
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.putAll(signature(body));
		headers.put(WechatPaySigningKey.SIGNATURE_TYPE_HEADER, WechatPaySigningKey.SIGNATURE_TYPE);
		headers.put(WechatPayHeaders.REQUEST_ID, "TESTKIT-" + this.id);
		if (has(NotificationDefect.TAMPERED_BODY)) {
			body = new String(body, StandardCharsets.UTF_8).replace("\"summary\":\"", "\"summary\":\"!")
				.getBytes(StandardCharsets.UTF_8);
		}
		if (has(NotificationDefect.SIGNATURE_PROBE)) {
			headers.put(WechatPayHeaders.SIGNATURE, SIGNATURE_PROBE_PREFIX + headers.get(WechatPayHeaders.SIGNATURE));
		}
		if (has(NotificationDefect.MISSING_SIGNATURE_HEADER)) {
			headers.remove(WechatPayHeaders.SIGNATURE);
		}
		this.removedHeaders.forEach(headers::remove);
		return new WechatPayNotification(this.id, body, headers);
	}

	private Map<String, String> signature(byte[] body) {
		Instant time = (this.timestamp != null) ? this.timestamp : Instant.now();
		if (has(NotificationDefect.STALE_TIMESTAMP)) {
			time = time.minus(10, ChronoUnit.MINUTES);
		}
		if (has(NotificationDefect.FUTURE_TIMESTAMP)) {
			time = time.plus(10, ChronoUnit.MINUTES);
		}
		PrivateKey key = has(NotificationDefect.WRONG_SIGNING_KEY) ? randomKey() : this.signingKey;
		String serialSent = has(NotificationDefect.UNKNOWN_SERIAL) ? "PUB_KEY_ID_0199999999999999999999999999999999"
				: this.serial;
		return new WechatPaySigningKey(serialSent, key).sign(body, time.getEpochSecond(),
				(this.nonce != null) ? this.nonce : AnswerSigner.nonce());
	}

	private boolean has(NotificationDefect defect) {
		return this.defects.contains(defect);
	}

	private static PrivateKey randomKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair().getPrivate();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
