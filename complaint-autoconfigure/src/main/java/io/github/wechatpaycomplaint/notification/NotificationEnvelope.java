package io.github.wechatpaycomplaint.notification;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields of a notification body the parser needs, read in one streaming pass (a tree
 * would cost more than the rest of the parsing); unknown fields are skipped. Values are
 * {@code null} when absent or not strings.
 */
final class NotificationEnvelope {

	@Nullable String id;

	@Nullable String createTime;

	@Nullable String eventType;

	@Nullable String summary;

	boolean hasResource;

	@Nullable String algorithm;

	@Nullable String ciphertext;

	@Nullable String associatedData;

	@Nullable String nonce;

	private NotificationEnvelope() {
	}

	/**
	 * Reads a body.
	 * @param jsonMapper the mapper whose parser factory is used
	 * @param body the raw body
	 * @return the envelope
	 * @throws NotificationRejectedException when the body is not one JSON object
	 */
	static NotificationEnvelope read(JsonMapper jsonMapper, byte[] body) {
		NotificationEnvelope envelope = new NotificationEnvelope();
		try (JsonParser parser = parser(jsonMapper, body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw malformed("The body is not a JSON object");
			}
			String name;
			while ((name = parser.nextName()) != null) {
				envelope.readField(parser, name, parser.nextToken());
			}
			if (parser.nextToken() != null) {
				throw malformed("The body has content after its JSON object");
			}
		}
		catch (JacksonException ex) {
			throw malformed("The body is not valid JSON");
		}
		return envelope;
	}

	private void readField(JsonParser parser, String name, JsonToken token) {
		switch (name) {
			case "id" -> this.id = string(parser, token);
			case "create_time" -> this.createTime = string(parser, token);
			case "event_type" -> this.eventType = string(parser, token);
			case "summary" -> this.summary = string(parser, token);
			case "resource" -> readResource(parser, token);
			default -> parser.skipChildren();
		}
	}

	private void readResource(JsonParser parser, JsonToken token) {
		if (token != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return;
		}
		this.hasResource = true;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "algorithm" -> this.algorithm = string(parser, value);
				case "ciphertext" -> this.ciphertext = string(parser, value);
				case "associated_data" -> this.associatedData = string(parser, value);
				case "nonce" -> this.nonce = string(parser, value);
				default -> parser.skipChildren();
			}
		}
	}

	/**
	 * A streaming parser straight from the token factory:
	 * {@code ObjectMapper.createParser} would first build a deserialization context that
	 * a streaming read does not need.
	 */
	static JsonParser parser(JsonMapper jsonMapper, byte[] json) {
		return jsonMapper.tokenStreamFactory().createParser(ObjectReadContext.empty(), json);
	}

	static @Nullable String string(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		parser.skipChildren();
		return null;
	}

	static NotificationRejectedException malformed(String message) {
		return new NotificationRejectedException(NotificationRejection.MALFORMED_NOTIFICATION, message);
	}

}
