package io.github.wechatpaycomplaint.simulator.notify;

import io.github.wechatpaycomplaint.simulator.crypto.AesGcm;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the JSON body of a notification, encrypting the plaintext with an APIv3 key
 * (AEAD_AES_256_GCM).
 *
 * @since 0.1.0
 */
public final class NotificationBodyWriter {

	private final JsonMapper jsonMapper;

	public NotificationBodyWriter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Writes a body.
	 * @param envelope the notification
	 * @param cipher the cipher holding the APIv3 key
	 * @return the body bytes
	 */
	public byte[] write(NotificationEnvelope envelope, AesGcm cipher) {
		ObjectNode body = this.jsonMapper.createObjectNode();
		body.put("id", envelope.id());
		body.put("create_time", envelope.createTime());
		body.put("resource_type", envelope.resourceType());
		body.put("event_type", envelope.eventType());
		body.put("summary", envelope.summary());
		ObjectNode resource = body.putObject("resource");
		resource.put("original_type", envelope.originalType());
		resource.put("algorithm", envelope.algorithm());
		resource.put("ciphertext",
				cipher.encrypt(envelope.associatedData(), envelope.resourceNonce(), envelope.plaintext()));
		resource.put("associated_data", envelope.associatedData());
		resource.put("nonce", envelope.resourceNonce());
		return this.jsonMapper.writeValueAsBytes(body);
	}

}
