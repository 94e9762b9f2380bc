package io.github.wechatpaycomplaint.notification;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Objects;

import io.github.wechatpaycomplaint.crypto.internal.ApiV3KeyCipher;
import io.github.wechatpaycomplaint.crypto.ApiV3KeyMismatchException;
import io.github.wechatpaycomplaint.crypto.DecryptionException;
import io.github.wechatpaycomplaint.notification.event.ComplaintActionType;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a verified notification body: the envelope ({@code id}, {@code create_time},
 * {@code event_type}, {@code summary}, {@code resource}), then decrypts the
 * {@code AEAD_AES_256_GCM} resource with the merchant's APIv3 key and reads
 * {@code complaint_id} and {@code action_type}, keeping every other field.
 *
 * @see <a href="https://pay.weixin.qq.com/doc/v3/merchant/4012289719">Complaint
 * notification</a>
 * @since 0.1.0
 */
public final class NotificationParser {

	/** The longest notification id accepted; WeChat Pay's ids are 36 characters. */
	public static final int MAX_ID_LENGTH = 64;

	// Only streaming tokens are read here, so no mapper setting matters; a per-thread
	// buffer pool avoids the shared pool that concurrent deliveries would otherwise
	// contend on.
	private final JsonMapper jsonMapper = JsonMapper
		.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build())
		.build();

	/**
	 * Parses and decrypts a notification whose signature was verified with the keys of
	 * its merchant.
	 * @param body the raw body
	 * @param merchant the merchant whose key verified the signature; its APIv3 key
	 * decrypts the resource
	 * @return the notification, naming the merchant
	 * @throws NotificationRejectedException when the body is malformed, uses another
	 * algorithm, or does not decrypt
	 */
	public ComplaintNotification parse(byte[] body, NotificationMerchant merchant) {
		NotificationEnvelope envelope = NotificationEnvelope.read(this.jsonMapper, body);
		String id = required(envelope.id, "id");
		if (id.length() > MAX_ID_LENGTH) {
			throw NotificationEnvelope.malformed("The notification id is longer than " + MAX_ID_LENGTH + " characters");
		}
		OffsetDateTime createTime = Rfc3339.parse(required(envelope.createTime, "create_time"));
		if (createTime == null) {
			throw NotificationEnvelope.malformed("Notification " + id + " has a create_time that is not RFC 3339");
		}
		String eventType = required(envelope.eventType, "event_type");
		if (!envelope.hasResource) {
			throw NotificationEnvelope.malformed("Notification " + id + " has no resource object");
		}
		byte[] plaintext = decrypt(envelope, id, merchant);
		DecryptedResource resource = DecryptedResource.read(this.jsonMapper, plaintext, id);
		String complaintId = required(resource.complaintId, "complaint_id");
		String actionType = Objects.requireNonNullElse(resource.actionType, "");
		return new ComplaintNotification(merchant.name(), merchant.merchantId(), id, eventType, createTime,
				Objects.requireNonNullElse(envelope.summary, ""), complaintId, ComplaintActionType.from(actionType),
				actionType, new String(plaintext, StandardCharsets.UTF_8));
	}

	private byte[] decrypt(NotificationEnvelope envelope, String id, NotificationMerchant merchant) {
		if (!ApiV3KeyCipher.ALGORITHM.equals(envelope.algorithm)) {
			throw new NotificationRejectedException(NotificationRejection.UNSUPPORTED_ALGORITHM,
					"Notification " + id + " is encrypted with '" + envelope.algorithm + "'; only "
							+ ApiV3KeyCipher.ALGORITHM + " is accepted");
		}
		try {
			return merchant.decrypt(Objects.requireNonNullElse(envelope.associatedData, ""),
					required(envelope.nonce, "nonce"), required(envelope.ciphertext, "ciphertext"));
		}
		catch (ApiV3KeyMismatchException ex) {
			throw new NotificationRejectedException(NotificationRejection.DECRYPTION_FAILED,
					"Notification " + id + " for " + merchant + ": " + ex.getMessage()
							+ ". Check the merchant's api-v3-key; WeChat Pay will deliver it again.");
		}
		catch (DecryptionException ex) {
			throw NotificationEnvelope.malformed("Notification " + id + ": " + ex.getMessage());
		}
	}

	private static String required(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			throw NotificationEnvelope.malformed("The field '" + field + "' is missing or not a string");
		}
		return value;
	}

}
