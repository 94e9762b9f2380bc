package io.github.wechatpaycomplaint.notification;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.github.wechatpaycomplaint.crypto.internal.ApiV3KeyCipher;
import io.github.wechatpaycomplaint.notification.event.ComplaintActionType;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NotificationParserTests {

	private final ApiV3KeyCipher cipher = new ApiV3KeyCipher(Vectors.key("api_v3_key"));

	private final NotificationParser parser = new NotificationParser();

	private final NotificationMerchant merchant = new NotificationMerchant("hk", "1900000110",
			(serial) -> Optional.empty(), Vectors.key("api_v3_key"));

	@Test
	void keepsUnknownFieldsOfTheResourceAndSkipsUnknownEnvelopeFields() {
		ComplaintNotification notification = this.parser
			.parse(body("n-1", "{\"complaint_id\":\"c-1\",\"action_type\":\"USER_RESPONSE\",\"extra\":{\"a\":[1,2]}}",
					",\"new_field\":{\"x\":[1,{\"y\":2}]}"), this.merchant);
		assertThat(notification.id()).isEqualTo("n-1");
		assertThat(notification.merchantName()).isEqualTo("hk");
		assertThat(notification.merchantId()).isEqualTo("1900000110");
		assertThat(notification.summary()).isEmpty();
		assertThat(notification.actionType()).isEqualTo(ComplaintActionType.USER_RESPONSE);
		assertThat(notification.resource().get("extra").get("a").get(1).asInt()).isEqualTo(2);
	}

	@Test
	void resourceCannotBeChangedThroughTheNotification() {
		ComplaintNotification notification = this.parser
			.parse(body("n-2", "{\"complaint_id\":\"c-1\",\"action_type\":\"USER_RESPONSE\"}", ""), this.merchant);
		((tools.jackson.databind.node.ObjectNode) notification.resource()).put("complaint_id", "changed");
		assertThat(notification.complaintId()).isEqualTo("c-1");
		assertThat(notification.resource().get("complaint_id").asString()).isEqualTo("c-1");
	}

	@Test
	void missingActionTypeIsUnknownWithAnEmptyRawValue() {
		ComplaintNotification notification = this.parser.parse(body("n-3", "{\"complaint_id\":\"c-1\"}", ""),
				this.merchant);
		assertThat(notification.actionType()).isEqualTo(ComplaintActionType.UNKNOWN);
		assertThat(notification.rawActionType()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"action_type\":\"USER_RESPONSE\"}", "{\"complaint_id\":7}", "[]", "not json" })
	void resourceWithoutComplaintIdIsMalformed(String plaintext) {
		assertMalformed(body("n-4", plaintext, ""));
	}

	@Test
	void contentAfterTheObjectIsMalformed() {
		assertMalformed((new String(body("n-5", "{\"complaint_id\":\"c\"}", ""), StandardCharsets.UTF_8) + "{}")
			.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void tooLongIdIsMalformed() {
		assertMalformed(body("x".repeat(65), "{\"complaint_id\":\"c\"}", ""));
	}

	@Test
	void idThatIsNotAStringIsMalformed() {
		assertMalformed(new String(body("n-6", "{\"complaint_id\":\"c\"}", ""), StandardCharsets.UTF_8)
			.replace("\"id\":\"n-6\"", "\"id\":6")
			.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void nonBase64CiphertextIsMalformed() {
		assertMalformed(("{\"id\":\"n\",\"create_time\":\"2025-06-13T09:02:41+08:00\",\"event_type\":\"E\","
				+ "\"resource\":{\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\"***\",\"nonce\":\"abcdefabcdef\"}}")
			.getBytes(StandardCharsets.UTF_8));
	}

	private void assertMalformed(byte[] body) {
		assertThatExceptionOfType(NotificationRejectedException.class)
			.isThrownBy(() -> this.parser.parse(body, this.merchant))
			.satisfies((ex) -> assertThat(ex.getRejection()).isEqualTo(NotificationRejection.MALFORMED_NOTIFICATION));
	}

	private byte[] body(String id, String plaintext, String extraEnvelopeFields) {
		String ciphertext = this.cipher.encrypt("complaint", "abcdefabcdef",
				plaintext.getBytes(StandardCharsets.UTF_8));
		return ("{\"id\":\"" + id
				+ "\",\"create_time\":\"2025-06-13T09:02:41+08:00\",\"event_type\":\"COMPLAINT.STATE_CHANGE\""
				+ extraEnvelopeFields
				+ ",\"resource\":{\"original_type\":\"complaint\",\"algorithm\":\"AEAD_AES_256_GCM\","
				+ "\"ciphertext\":\"" + ciphertext
				+ "\",\"associated_data\":\"complaint\",\"nonce\":\"abcdefabcdef\"}}")
			.getBytes(StandardCharsets.UTF_8);
	}

}
