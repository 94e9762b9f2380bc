package io.github.wechatpaycomplaint.simulator.notify;

import java.nio.charset.StandardCharsets;
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

import io.github.wechatpaycomplaint.simulator.crypto.AesGcm;
import io.github.wechatpaycomplaint.simulator.crypto.WechatPayHeaders;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.simulator.keys.WechatPaySigningKey;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a complaint notification as WeChat Pay sends it, encrypted with the APIv3 key
 * and signed with a WeChat Pay key, with every field under the caller's control and
 * optional {@link NotificationFault deliberate faults}: the one notification builder of
 * the simulator's tests, the test kit and the starter's tests. Every field has a default
 * except the signing key, the serial and the APIv3 key.
 *
 * @since 0.1.0
 */
public final class SignedNotificationBuilder {

	private static final JsonMapper JSON = new JsonMapper();

	// WeChat Pay's signature probe: a signature starting with this must be refused.
	private static final String SIGNATURE_PROBE_PREFIX = "WECHATPAY/SIGNTEST/";

	private static final String UNKNOWN_SERIAL = "PUB_KEY_ID_0199999999999999999999999999999999";

	private String id = UUID.randomUUID().toString();

	private String eventType = "COMPLAINT.CREATE";

	private String actionType = "CREATE_COMPLAINT";

	private String complaintId = "200000020250613090012345678";

	private OffsetDateTime createTime = OffsetDateTime.now(ZoneOffset.ofHours(8));

	private @Nullable String summary;

	private @Nullable Instant timestamp;

	private @Nullable String timestampText;

	private @Nullable String nonce;

	private @Nullable String serial;

	private @Nullable PrivateKey signingKey;

	private @Nullable String apiV3Key;

	private @Nullable String resourceNonce;

	private String algorithm = AesGcm.ALGORITHM;

	private String associatedData = NotificationEnvelope.COMPLAINT;

	private @Nullable String requestId;

	private final Set<NotificationFault> faults = EnumSet.noneOf(NotificationFault.class);

	private final Set<String> removedHeaders = new HashSet<>();

	/**
	 * A builder without keys; set {@link #signingKey}, {@link #serial} and
	 * {@link #apiV3Key}.
	 * @return a new builder
	 */
	public static SignedNotificationBuilder create() {
		return new SignedNotificationBuilder();
	}

	/**
	 * A builder signing with a WeChat Pay key under its serial.
	 * @param key the signing key and its {@code Wechatpay-Serial}
	 * @param apiV3Key the APIv3 key that encrypts the resource
	 * @return a new builder
	 */
	public static SignedNotificationBuilder signedWith(WechatPaySigningKey key, String apiV3Key) {
		return create().signingKey(key.privateKey()).serial(key.serial()).apiV3Key(apiV3Key);
	}

	/**
	 * The notification id; duplicates of one notification share it.
	 * @param id the id
	 * @return this builder
	 */
	public SignedNotificationBuilder id(String id) {
		this.id = id;
		return this;
	}

	/**
	 * The notification id the next {@link #build()} uses.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	public SignedNotificationBuilder eventType(String eventType) {
		this.eventType = eventType;
		return this;
	}

	public SignedNotificationBuilder actionType(String actionType) {
		this.actionType = actionType;
		return this;
	}

	public SignedNotificationBuilder complaintId(String complaintId) {
		this.complaintId = complaintId;
		return this;
	}

	public SignedNotificationBuilder createTime(OffsetDateTime createTime) {
		this.createTime = createTime;
		return this;
	}

	/**
	 * The {@code summary}; by default WeChat Pay's text for the event type.
	 * @param summary the summary
	 * @return this builder
	 */
	public SignedNotificationBuilder summary(String summary) {
		this.summary = summary;
		return this;
	}

	/**
	 * The {@code Wechatpay-Timestamp}; now by default.
	 * @param timestamp the time
	 * @return this builder
	 */
	public SignedNotificationBuilder timestamp(Instant timestamp) {
		this.timestamp = timestamp;
		this.timestampText = null;
		return this;
	}

	/**
	 * Signs with this {@code Wechatpay-Timestamp} text instead of a number, e.g.
	 * {@code "+1749776561"}.
	 * @param timestampText the header text, signed as it is
	 * @return this builder
	 */
	public SignedNotificationBuilder timestampText(String timestampText) {
		this.timestampText = timestampText;
		return this;
	}

	/**
	 * The {@code Wechatpay-Nonce}; random by default.
	 * @param nonce the nonce
	 * @return this builder
	 */
	public SignedNotificationBuilder nonce(String nonce) {
		this.nonce = nonce;
		return this;
	}

	/**
	 * The {@code Wechatpay-Serial}: the public key id or platform certificate serial of
	 * the signing key.
	 * @param serial the serial
	 * @return this builder
	 */
	public SignedNotificationBuilder serial(String serial) {
		this.serial = serial;
		return this;
	}

	public SignedNotificationBuilder signingKey(PrivateKey signingKey) {
		this.signingKey = signingKey;
		return this;
	}

	public SignedNotificationBuilder apiV3Key(String apiV3Key) {
		this.apiV3Key = apiV3Key;
		return this;
	}

	/**
	 * The {@code resource.nonce} (AES-GCM IV); random by default.
	 * @param resourceNonce 12 characters
	 * @return this builder
	 */
	public SignedNotificationBuilder resourceNonce(String resourceNonce) {
		this.resourceNonce = resourceNonce;
		return this;
	}

	/**
	 * The {@code resource.algorithm} as written; the resource is always encrypted with
	 * AES-256-GCM.
	 * @param algorithm the algorithm name
	 * @return this builder
	 */
	public SignedNotificationBuilder algorithm(String algorithm) {
		this.algorithm = algorithm;
		return this;
	}

	/**
	 * The {@code resource.associated_data}; {@code complaint} by default.
	 * @param associatedData the associated data
	 * @return this builder
	 */
	public SignedNotificationBuilder associatedData(String associatedData) {
		this.associatedData = associatedData;
		return this;
	}

	/**
	 * The {@code Request-ID}; {@code NOTIFY-} and the notification id by default.
	 * @param requestId the request id
	 * @return this builder
	 */
	public SignedNotificationBuilder requestId(String requestId) {
		this.requestId = requestId;
		return this;
	}

	/**
	 * Builds in a deliberate fault; several may be combined.
	 * @param fault the fault
	 * @return this builder
	 */
	public SignedNotificationBuilder fault(NotificationFault fault) {
		this.faults.add(fault);
		return this;
	}

	/**
	 * Leaves a header out, e.g. {@code Wechatpay-Timestamp}.
	 * @param header the header name
	 * @return this builder
	 */
	public SignedNotificationBuilder withoutHeader(String header) {
		this.removedHeaders.add(header);
		return this;
	}

	/**
	 * The JSON the resource encrypts.
	 * @return {@code {"complaint_id":…,"action_type":…}}
	 */
	public String plaintext() {
		return NotificationEnvelope.complaintResource(this.complaintId, this.actionType);
	}

	/**
	 * Builds the notification.
	 * @return the body and headers
	 */
	public SignedNotification build() {
		String key = Objects.requireNonNull(this.apiV3Key, "apiV3Key");
		NotificationEnvelope envelope = new NotificationEnvelope(this.id,
				DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(this.createTime.truncatedTo(ChronoUnit.SECONDS)),
				this.eventType, NotificationEnvelope.ENCRYPT_RESOURCE,
				(this.summary != null) ? this.summary : NotificationEnvelope.summaryOf(this.eventType),
				NotificationEnvelope.COMPLAINT,
				has(NotificationFault.UNSUPPORTED_ALGORITHM) ? "AEAD_SM4_GCM" : this.algorithm, this.associatedData,
				(this.resourceNonce != null) ? this.resourceNonce : ResourceNonces.next(),
				plaintext().getBytes(StandardCharsets.UTF_8));
		byte[] body = new NotificationBodyWriter(JSON).write(envelope, new AesGcm(
				has(NotificationFault.WRONG_API_V3_KEY) ? new StringBuilder(key).reverse().toString() : key));
		SignedNotification notification = sign(body);
		if (has(NotificationFault.TAMPERED_BODY)) {
			notification = notification
				.withBody(new String(body, StandardCharsets.UTF_8).replace("\"summary\":\"", "\"summary\":\"!")
					.getBytes(StandardCharsets.UTF_8));
		}
		return notification;
	}

	/**
	 * Signs any body as WeChat Pay would, e.g. a malformed one, with this builder's keys,
	 * time, nonce, header faults and removed headers.
	 * @param body the body bytes
	 * @return the signed notification
	 */
	public SignedNotification sign(byte[] body) {
		Map<String, String> headers = new LinkedHashMap<>(signature(body));
		headers.put(WechatPaySigningKey.SIGNATURE_TYPE_HEADER, WechatPaySigningKey.SIGNATURE_TYPE);
		headers.put(WechatPayHeaders.REQUEST_ID, (this.requestId != null) ? this.requestId : "NOTIFY-" + this.id);
		if (has(NotificationFault.SIGNATURE_PROBE)) {
			headers.put(WechatPayHeaders.SIGNATURE, SIGNATURE_PROBE_PREFIX + headers.get(WechatPayHeaders.SIGNATURE));
		}
		if (has(NotificationFault.MISSING_SIGNATURE_HEADER)) {
			headers.remove(WechatPayHeaders.SIGNATURE);
		}
		this.removedHeaders.forEach(headers::remove);
		return new SignedNotification(this.id, body, headers);
	}

	private Map<String, String> signature(byte[] body) {
		PrivateKey key = has(NotificationFault.WRONG_SIGNING_KEY) ? RsaKeyPairs.generate().getPrivate()
				: Objects.requireNonNull(this.signingKey, "signingKey");
		String serialSent = has(NotificationFault.UNKNOWN_SERIAL) ? UNKNOWN_SERIAL
				: Objects.requireNonNull(this.serial, "serial");
		String nonceSent = (this.nonce != null) ? this.nonce : WechatPaySigningKey.newNonce();
		WechatPaySigningKey signer = new WechatPaySigningKey(serialSent, key);
		if (this.timestampText != null) {
			return signer.sign(body, this.timestampText, nonceSent);
		}
		Instant time = (this.timestamp != null) ? this.timestamp : Instant.now();
		if (has(NotificationFault.STALE_TIMESTAMP)) {
			time = time.minus(10, ChronoUnit.MINUTES);
		}
		if (has(NotificationFault.FUTURE_TIMESTAMP)) {
			time = time.plus(10, ChronoUnit.MINUTES);
		}
		return signer.sign(body, time.getEpochSecond(), nonceSent);
	}

	private boolean has(NotificationFault fault) {
		return this.faults.contains(fault);
	}

}
