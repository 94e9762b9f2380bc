package io.github.wechatpaycomplaint.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.wechatpaycomplaint.crypto.internal.ApiV3KeyCipher;
import io.github.wechatpaycomplaint.crypto.ApiV3KeyMismatchException;
import io.github.wechatpaycomplaint.crypto.SignatureVerificationException;
import io.github.wechatpaycomplaint.crypto.SignedHeaders;
import io.github.wechatpaycomplaint.crypto.internal.WechatPaySignatureValidator;
import io.github.wechatpaycomplaint.merchant.WechatPayPublicKey;
import io.github.wechatpaycomplaint.notification.event.ComplaintActionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Notifications from the builder pass the starter's own verification and decryption, and
 * each defect fails where it says it does.
 */
class WechatPayNotificationBuilderTests {

	private static final WechatPayTestKeys KEYS = WechatPayTestKeys.shared();

	private static final JsonMapper JSON = new JsonMapper();

	private final WechatPaySignatureValidator validator = new WechatPaySignatureValidator(
			new WechatPayPublicKey(KEYS.simulatorKeys().publicKeyId(),
					KEYS.simulatorKeys().wechatpayKeys().getPublic()),
			Clock.systemUTC(), Duration.ofMinutes(5));

	private final ApiV3KeyCipher cipher = new ApiV3KeyCipher(KEYS.simulatorKeys().apiV3Key());

	@Test
	void takesAnActionTypeThisVersionDoesNotKnowAsText() {
		WechatPayNotification notification = KEYS.notification()
			.stateChanged("200000020250613090012345678", "SOMETHING_NEW")
			.build();
		assertThat(decrypt(JSON.readTree(notification.body()))).contains("\"action_type\":\"SOMETHING_NEW\"");
	}

	@Test
	void refusesUnknownAsAnActionTypeWechatPaySends() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> KEYS.notification().stateChanged("200000020250613090012345678", ComplaintActionType.UNKNOWN))
			.withMessageContaining("pass its text");
	}

	@Test
	void buildsASignedEncryptedNotificationTheStarterAccepts() {
		WechatPayNotification notification = KEYS.notification()
			.id("a3c9f1d2-6b7e-5f40-9d21-3e8b7c6a5f10")
			.stateChanged("200000020250613090012345678", ComplaintActionType.USER_RESPONSE)
			.build();
		this.validator.validate(headers(notification), notification.body());
		JsonNode envelope = JSON.readTree(notification.body());
		assertThat(envelope.path("id").asString()).isEqualTo("a3c9f1d2-6b7e-5f40-9d21-3e8b7c6a5f10");
		assertThat(envelope.path("event_type").asString()).isEqualTo("COMPLAINT.STATE_CHANGE");
		assertThat(envelope.path("resource_type").asString()).isEqualTo("encrypt-resource");
		assertThat(decrypt(envelope))
			.isEqualTo("{\"complaint_id\":\"200000020250613090012345678\",\"action_type\":\"USER_RESPONSE\"}");
		assertThat(notification.headers()).containsEntry("Wechatpay-Serial", KEYS.simulatorKeys().publicKeyId())
			.containsEntry("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048")
			.containsKeys("Wechatpay-Timestamp", "Wechatpay-Nonce", "Request-ID", "Content-Type");
	}

	@Test
	void honoursAGivenTimestampAndNonce() {
		Instant time = Instant.now().minusSeconds(60);
		WechatPayNotification notification = KEYS.notification().timestamp(time).nonce("N0NCE").build();
		assertThat(notification.headers()).containsEntry("Wechatpay-Timestamp", Long.toString(time.getEpochSecond()))
			.containsEntry("Wechatpay-Nonce", "N0NCE");
		assertThatNoException().isThrownBy(() -> this.validator.validate(headers(notification), notification.body()));
	}

	@ParameterizedTest
	@EnumSource(NotificationDefect.class)
	void eachDefectFailsWhereItSays(NotificationDefect defect) {
		WechatPayNotification notification = KEYS.notification().defect(defect).build();
		switch (defect.stage()) {
			case SIGNATURE -> assertThatExceptionOfType(SignatureVerificationException.class)
				.isThrownBy(() -> this.validator.validate(headers(notification), notification.body()))
				.satisfies((ex) -> assertThat(ex.getReason().name()).isEqualTo(defect.signatureFailure()));
			case DECRYPTION -> {
				this.validator.validate(headers(notification), notification.body());
				assertThatExceptionOfType(ApiV3KeyMismatchException.class)
					.isThrownBy(() -> decrypt(JSON.readTree(notification.body())));
			}
			case ALGORITHM -> {
				this.validator.validate(headers(notification), notification.body());
				assertThat(JSON.readTree(notification.body()).path("resource").path("algorithm").asString())
					.isEqualTo("AEAD_SM4_GCM");
			}
		}
	}

	@Test
	void aRemovedHeaderIsMissing() {
		WechatPayNotification notification = KEYS.notification().withoutHeader("Wechatpay-Timestamp").build();
		assertThat(notification.headers()).doesNotContainKey("Wechatpay-Timestamp");
		assertThatExceptionOfType(SignatureVerificationException.class)
			.isThrownBy(() -> this.validator.validate(headers(notification), notification.body()))
			.satisfies(
					(ex) -> assertThat(ex.getReason()).isEqualTo(SignatureVerificationException.Reason.MISSING_HEADER));
	}

	@Test
	void becomesAMockMvcRequestWithTheExactBodyAndHeaders() {
		WechatPayNotification notification = KEYS.notification()
			.complaintCreated("200000020250612100051234567")
			.build();
		MockHttpServletRequest request = notification.toMockMvc().buildRequest(new MockServletContext());
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getRequestURI()).isEqualTo("/wechatpay/complaint-notifications");
		assertThat(request.getContentAsByteArray()).isEqualTo(notification.body());
		assertThat(request.getContentType()).startsWith("application/json");
		assertThat(request.getHeader("Wechatpay-Signature"))
			.isEqualTo(notification.headers().get("Wechatpay-Signature"));
		assertThat(notification.toMockMvc("/hooks/wechatpay").buildRequest(new MockServletContext()).getRequestURI())
			.isEqualTo("/hooks/wechatpay");
	}

	private String decrypt(JsonNode envelope) {
		JsonNode resource = envelope.path("resource");
		return new String(this.cipher.decrypt(resource.path("associated_data").asString(),
				resource.path("nonce").asString(), resource.path("ciphertext").asString()), StandardCharsets.UTF_8);
	}

	private static SignedHeaders headers(WechatPayNotification notification) {
		return SignedHeaders.from(notification.headers()::get);
	}

}
