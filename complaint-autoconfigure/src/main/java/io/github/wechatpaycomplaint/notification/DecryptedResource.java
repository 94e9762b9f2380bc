package io.github.wechatpaycomplaint.notification;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two fields of a decrypted resource the endpoint needs ({@code complaint_id},
 * {@code action_type}), read in one streaming pass that also checks the whole plaintext
 * is one JSON object; the full JSON stays available as text.
 */
final class DecryptedResource {

	@Nullable String complaintId;

	@Nullable String actionType;

	private DecryptedResource() {
	}

	/**
	 * Reads a decrypted resource.
	 * @param jsonMapper the mapper whose parser factory is used
	 * @param plaintext the decrypted bytes
	 * @param id the notification id, for messages
	 * @return the fields
	 * @throws NotificationRejectedException when the plaintext is not one JSON object
	 */
	static DecryptedResource read(JsonMapper jsonMapper, byte[] plaintext, String id) {
		DecryptedResource resource = new DecryptedResource();
		try (JsonParser parser = NotificationEnvelope.parser(jsonMapper, plaintext)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw NotificationEnvelope
					.malformed("The decrypted resource of notification " + id + " is not a JSON object");
			}
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken token = parser.nextToken();
				switch (name) {
					case "complaint_id" -> resource.complaintId = NotificationEnvelope.string(parser, token);
					case "action_type" -> resource.actionType = NotificationEnvelope.string(parser, token);
					default -> parser.skipChildren();
				}
			}
			if (parser.nextToken() != null) {
				throw NotificationEnvelope
					.malformed("The decrypted resource of notification " + id + " has content after its object");
			}
		}
		catch (JacksonException ex) {
			throw NotificationEnvelope.malformed("The decrypted resource of notification " + id + " is not JSON");
		}
		return resource;
	}

}
