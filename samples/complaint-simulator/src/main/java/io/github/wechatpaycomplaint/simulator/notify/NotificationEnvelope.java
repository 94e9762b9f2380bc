package io.github.wechatpaycomplaint.simulator.notify;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.github.wechatpaycomplaint.simulator.crypto.AesGcm;

/**
 * Everything in a complaint notification before encryption: the envelope fields and the
 * resource's plaintext.
 *
 * @param id {@code id}; duplicates of one notification keep it
 * @param createTime {@code create_time}
 * @param eventType {@code event_type}
 * @param resourceType {@code resource_type}
 * @param summary {@code summary}
 * @param originalType {@code resource.original_type}
 * @param algorithm {@code resource.algorithm} as written (encryption is always
 * AES-256-GCM)
 * @param associatedData {@code resource.associated_data}
 * @param resourceNonce {@code resource.nonce}
 * @param plaintext the JSON the resource encrypts
 * @since 0.1.0
 */
public record NotificationEnvelope(String id, String createTime, String eventType, String resourceType, String summary,
		String originalType, String algorithm, String associatedData, String resourceNonce, byte[] plaintext) {

	/** {@code resource_type} of every complaint notification. */
	public static final String ENCRYPT_RESOURCE = "encrypt-resource";

	/**
	 * {@code resource.original_type} and {@code associated_data} of complaint
	 * notifications.
	 */
	public static final String COMPLAINT = "complaint";

	/**
	 * A complaint notification as WeChat Pay sends it, with a new id and nonce.
	 * @param eventType {@code COMPLAINT.CREATE} or {@code COMPLAINT.STATE_CHANGE}
	 * @param complaintId the complaint
	 * @param actionType the action type
	 * @param createTime when it happened
	 * @return the envelope
	 */
	public static NotificationEnvelope complaint(String eventType, String complaintId, String actionType,
			OffsetDateTime createTime) {
		return new NotificationEnvelope(UUID.randomUUID().toString(),
				DateTimeFormatter.ISO_OFFSET_DATE_TIME
					.format(createTime.withOffsetSameInstant(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS)),
				eventType, ENCRYPT_RESOURCE, summaryOf(eventType), COMPLAINT, AesGcm.ALGORITHM, COMPLAINT,
				ResourceNonces.next(), complaintResource(complaintId, actionType).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * WeChat Pay's {@code summary} for an event type.
	 * @param eventType {@code COMPLAINT.CREATE} or {@code COMPLAINT.STATE_CHANGE}
	 * @return the summary
	 */
	public static String summaryOf(String eventType) {
		return "COMPLAINT.CREATE".equals(eventType) ? "产生新投诉" : "投诉单状态变化";
	}

	/**
	 * The JSON a complaint notification's resource encrypts.
	 * @param complaintId the complaint
	 * @param actionType the action type
	 * @return {@code {"complaint_id":…,"action_type":…}}
	 */
	public static String complaintResource(String complaintId, String actionType) {
		return "{\"complaint_id\":\"" + complaintId + "\",\"action_type\":\"" + actionType + "\"}";
	}

}
