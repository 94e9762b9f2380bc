package io.github.wechatpaycomplaint.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.github.wechatpaycomplaint.crypto.internal.ApiV3KeyCipher;
import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays WeChat Pay in tests: builds a complaint notification, encrypts its resource with
 * the APIv3 key and signs the body, with a chosen id, action, timestamp, serial and
 * nonce. {@link SignedNotification} then makes broken variants.
 */
public final class NotificationBuilder {

	private static final JsonMapper JSON = new JsonMapper();

	private final PrivateKey wechatPayKey;

	private final ApiV3KeyCipher cipher;

	private String serial;

	private String id = UUID.randomUUID().toString();

	private String eventType = "COMPLAINT.CREATE";

	private String actionType = "CREATE_COMPLAINT";

	private String complaintId = "200000020250613090012345678";

	private String algorithm = ApiV3KeyCipher.ALGORITHM;

	private String associatedData = "complaint";

	private String nonce = "fK2mQ8zR1tYw";

	private long timestamp;

	private String timestampHeader;

	public NotificationBuilder(PrivateKey wechatPayKey, String serial, String apiV3Key, long timestamp) {
		this.wechatPayKey = wechatPayKey;
		this.cipher = new ApiV3KeyCipher(apiV3Key);
		this.serial = serial;
		this.timestamp = timestamp;
	}

	/**
	 * A builder with the keys of the official SDK vectors (the merchant the tests
	 * configure).
	 */
	public static NotificationBuilder withVectorKeys(long timestamp) {
		return new NotificationBuilder(
				PemKeys.privateKey(Vectors.key("wechatpay_private_key_pkcs8_pem_for_signing_test_answers")),
				Vectors.key("wechatpay_public_key_id"), Vectors.key("api_v3_key"), timestamp);
	}

	public NotificationBuilder id(String id) {
		this.id = id;
		return this;
	}

	public NotificationBuilder eventType(String eventType) {
		this.eventType = eventType;
		return this;
	}

	public NotificationBuilder actionType(String actionType) {
		this.actionType = actionType;
		return this;
	}

	public NotificationBuilder complaintId(String complaintId) {
		this.complaintId = complaintId;
		return this;
	}

	public NotificationBuilder algorithm(String algorithm) {
		this.algorithm = algorithm;
		return this;
	}

	public NotificationBuilder serial(String serial) {
		this.serial = serial;
		return this;
	}

	public NotificationBuilder timestamp(long timestamp) {
		this.timestamp = timestamp;
		return this;
	}

	/**
	 * Signs with this {@code Wechatpay-Timestamp} text instead of the number, e.g.
	 * {@code "+1749776561"}.
	 */
	public NotificationBuilder timestampHeader(String timestampHeader) {
		this.timestampHeader = timestampHeader;
		return this;
	}

	public String id() {
		return this.id;
	}

	public String plaintext() {
		ObjectNode resource = JSON.createObjectNode();
		resource.put("complaint_id", this.complaintId);
		resource.put("action_type", this.actionType);
		return JSON.writeValueAsString(resource);
	}

	public SignedNotification build() {
		ObjectNode envelope = JSON.createObjectNode();
		envelope.put("id", this.id);
		envelope.put("create_time", "2025-06-13T09:02:41+08:00");
		envelope.put("resource_type", "encrypt-resource");
		envelope.put("event_type", this.eventType);
		envelope.put("summary", "产生新投诉");
		ObjectNode resource = envelope.putObject("resource");
		resource.put("original_type", "complaint");
		resource.put("algorithm", this.algorithm);
		resource.put("ciphertext",
				this.cipher.encrypt(this.associatedData, this.nonce, plaintext().getBytes(StandardCharsets.UTF_8)));
		resource.put("associated_data", this.associatedData);
		resource.put("nonce", this.nonce);
		return sign(JSON.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8));
	}

	/** Signs any body as WeChat Pay would, e.g. a malformed one. */
	public SignedNotification sign(byte[] body) {
		WechatPayAnswerSigner signer = new WechatPayAnswerSigner(this.wechatPayKey, this.serial);
		return new SignedNotification(body, (this.timestampHeader != null) ? signer.headers(body, this.timestampHeader)
				: signer.headers(body, this.timestamp));
	}

	/**
	 * A signed notification as it travels: body and headers.
	 */
	public record SignedNotification(byte[] body, Map<String, String> headers) {

		public SignedNotification withHeader(String name, String value) {
			Map<String, String> copy = new LinkedHashMap<>(this.headers);
			copy.put(name, value);
			return new SignedNotification(this.body, copy);
		}

		public SignedNotification withoutHeader(String name) {
			Map<String, String> copy = new LinkedHashMap<>(this.headers);
			copy.remove(name);
			return new SignedNotification(this.body, copy);
		}

		/** The same headers over another body: the signature no longer matches. */
		public SignedNotification withBody(byte[] otherBody) {
			return new SignedNotification(otherBody, this.headers);
		}

		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
